import { describe, expect, test } from 'vitest';
import { exportFileName, neutraliseCell, tableToCsv } from './export';

describe('neutraliseCell', () => {
	test.each([
		['=1+1', "'=1+1"],
		['+49 30 123', "'+49 30 123"],
		['-5', "'-5"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tx', "'\tx"],
		['\rx', "'\rx"],
		['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
		['Köln', 'Köln'],
		['1.234,5', '1.234,5'],
		['75,3 %', '75,3 %'],
		['a=b', 'a=b'],
		['', ''],
		[' =1', ' =1']
	])('%j → %j', (input, expected) => {
		expect(neutraliseCell(input)).toBe(expected);
	});
});

describe('tableToCsv', () => {
	test('semicolons, CRLF, quoting by papaparse, BOM, every cell neutralised', () => {
		expect(
			tableToCsv([
				['Indikator', 'Ist'],
				['CO01 · Arbeitslose; auch "Langzeit"', '1.234'],
				['=cmd|calc', '-']
			])
		).toBe('\ufeffIndikator;Ist\r\n"CO01 · Arbeitslose; auch ""Langzeit""";1.234\r\n\'=cmd|calc;\'-');
	});
	test('empty table', () => expect(tableToCsv([])).toBe('\ufeff'));
});

test.each([
	['attainment-by-indicator', 'csv', 'wirkung-attainment-by-indicator.csv'],
	['a/b c', 'png', 'wirkung-a-b-c.png']
] as const)('exportFileName(%s, %s)', (id, ext, expected) => {
	expect(exportFileName(id, ext)).toBe(expected);
});
