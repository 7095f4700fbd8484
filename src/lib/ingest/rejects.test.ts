import { describe, expect, test } from 'vitest';
import { describeReject, rejectsToCsv, safeCell } from './rejects';

describe('rejects', () => {
	test('describes a reject the way the issue asks', () => {
		expect(
			describeReject({ line: 2417, column: 'Istwert', value: '12,5,3', reason: '„12,5,3“ ist keine Zahl' })
		).toBe('Zeile 2417, Spalte Istwert: „12,5,3“ ist keine Zahl');
	});

	test.each([
		['=SUMME(A1)', "'=SUMME(A1)"],
		['+49', "'+49"],
		['-', "'-"],
		['@x', "'@x"],
		['12,5', '12,5'],
		[null, '']
	])('safeCell(%j) = %j', (input, output) => {
		expect(safeCell(input)).toBe(output);
	});

	test('writes a BOM, semicolons, CRLF and quotes where needed', () => {
		const csv = rejectsToCsv('a.csv', [
			{ line: 3, column: 'Istwert', value: '1;2', reason: '„1;2“ ist keine Zahl' }
		]);
		expect(csv).toBe('\uFEFFDatei;Zeile;Spalte;Wert;Grund\r\na.csv;3;Istwert;"1;2";"„1;2“ ist keine Zahl"');
	});
});
