import { describe, expect, test } from 'vitest';
import { sniffDialect } from './dialect';

describe('sniffDialect', () => {
	test.each([
		{
			name: 'semicolons, CRLF',
			text: 'a;b;c\r\n1;2;3\r\n',
			delimiter: ';',
			lineEnding: 'CRLF',
			skipLines: 0,
			hasHeader: true
		},
		{
			name: 'commas with decimal commas quoted',
			text: 'a,b\n"1,5",2\n',
			delimiter: ',',
			lineEnding: 'LF',
			skipLines: 0,
			hasHeader: true
		},
		{
			name: 'tabs, CR only',
			text: 'a\tb\r1\t2\r',
			delimiter: '\t',
			lineEnding: 'CR',
			skipLines: 0,
			hasHeader: true
		},
		{ name: 'pipes', text: 'a|b\n1|2\n', delimiter: '|', lineEnding: 'LF', skipLines: 0, hasHeader: true },
		{
			name: 'Excel sep= line wins',
			text: 'sep=,\na;b,c\n1;2,3\n',
			delimiter: ',',
			lineEnding: 'LF',
			skipLines: 1,
			hasHeader: true
		},
		{
			name: 'quoted sep= line after blank lines',
			text: '\n\n"sep=|"\na|b\n',
			delimiter: '|',
			lineEnding: 'LF',
			skipLines: 3,
			hasHeader: true
		},
		{
			name: 'no header: first row is data',
			text: 'CO01;01.01.2021;4,5\nCO02;01.04.2021;3\n',
			delimiter: ';',
			lineEnding: 'LF',
			skipLines: 0,
			hasHeader: false
		}
	])('$name', ({ name, text, ...expected }) => {
		expect(sniffDialect(text), name).toMatchObject(expected);
	});

	test('headers are trimmed; without a header row the columns are numbered', () => {
		expect(sniffDialect(' Projekt-Nr. ; Name \n1;a\n').headers).toEqual(['Projekt-Nr.', 'Name']);
		expect(sniffDialect('1;2\n3;4\n').headers).toEqual(['Spalte 1', 'Spalte 2']);
	});
});
