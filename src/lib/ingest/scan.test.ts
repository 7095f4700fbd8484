import { describe, expect, test } from 'vitest';
import { scanRecords } from './scan';

describe('scanRecords', () => {
	test.each([
		{ name: 'plain', text: 'a;b\n1;2\n3;4\n', records: 2, blankLines: 0, firstDataLine: 2, breakpoints: [] },
		{
			name: 'no final newline',
			text: 'a;b\n1;2\n3;4',
			records: 2,
			blankLines: 0,
			firstDataLine: 2,
			breakpoints: []
		},
		{
			name: 'blank lines shift lines',
			text: 'a;b\n\n1;2\n\n\n3;4\n',
			records: 2,
			blankLines: 3,
			firstDataLine: 2,
			breakpoints: [1, 1, 2, 3]
		},
		{
			name: 'multi-line quoted cell',
			text: 'a;b\n"x\ny";2\n3;4\n',
			records: 2,
			blankLines: 0,
			firstDataLine: 2,
			breakpoints: [2, 1]
		},
		{
			name: 'doubled quotes and delimiters in quotes',
			text: 'a;b\n"x "";"" y";2\n',
			records: 1,
			blankLines: 0,
			firstDataLine: 2,
			breakpoints: []
		},
		{
			name: 'CRLF inside quotes counts one line',
			text: 'a;b\r\n"x\r\ny";2\r\n3;4\r\n',
			records: 2,
			blankLines: 0,
			firstDataLine: 2,
			breakpoints: [2, 1]
		},
		{
			name: 'multi-line header',
			text: '"a\nb";c\n1;2\n',
			records: 1,
			blankLines: 0,
			firstDataLine: 3,
			breakpoints: []
		}
	])('$name', ({ name, text, ...expected }) => {
		expect(scanRecords(text, ';', 1), name).toMatchObject(expected);
	});

	test('records where each record starts in the bytes (multi-byte characters counted as bytes)', () => {
		const scan = scanRecords(new TextEncoder().encode('a;b\nä;2\n\n"x\ny";3'), ';', 1);
		// Two records and the end: "ä" takes two bytes, the blank line one.
		expect([...scan.starts]).toEqual([4, 10, 17]);
		expect(scan.trailingField).toBe(false);
	});

	test.each([
		{ name: 'every data row', text: 'a;b\n1;2;\n3;4;\n', trailing: true, fields: 3 },
		{ name: 'header too (an empty header name)', text: 'a;b;\n1;2;\n', trailing: false, fields: 3 },
		{ name: 'no row', text: 'a;b\n1;2\n', trailing: false, fields: 2 }
	])('trailing delimiter on $name', ({ text, trailing, fields }) => {
		expect(scanRecords(text, ';', 1)).toMatchObject({ trailingField: trailing, fields });
	});

	test.each([
		{ name: 'no space at an edge', text: 'a;b\n1 2;x\n', padded: [] },
		{ name: 'leading and trailing spaces', text: 'a;b;c\n 1;x ;y\n', padded: [0, 1] },
		{ name: 'a trailing space before CRLF and at the end', text: 'a;b\r\n1;x \r\n2;y \r\n', padded: [1] },
		{ name: 'the last byte of the file', text: 'a;b\n1;2\n3 ;4 ', padded: [0, 1] },
		{ name: 'inside quotes', text: 'a;b;c\n" x";"y ";" "\n', padded: [0, 1, 2] },
		{ name: 'quoted, spaces inside only', text: 'a;b\n"x y";""\n', padded: [] },
		{ name: 'the header is no value', text: ' a ;" b"\n1;2\n', padded: [] }
	])('columns with padded values: $name', ({ text, padded }) => {
		expect(scanRecords(text, ';', 1).padded).toEqual(padded);
	});

	test('without a header the first record has values too', () => {
		expect(scanRecords(' 1;2\n3;4\n', ';', 1, false).padded).toEqual([0]);
	});

	test('numbers lines from the start line and treats the first record as data without a header', () => {
		expect(scanRecords('1;2\n3;4\n', ';', 3, false)).toMatchObject({ records: 2, firstDataLine: 3 });
	});

	test('refuses an unterminated quote with its line', () => {
		expect(() => scanRecords('a;b\n1;2\n"3;4\n5;6\n', ';', 1)).toThrow(/^Zeile 3: Ein Anführungszeichen/);
	});

	test.each([
		{
			name: 'too few fields',
			text: 'a;b;c\n1;2;3\n1;2\n',
			ragged: [{ record: 2, line: 3, fields: 2, lastEmpty: false }]
		},
		{
			name: 'too many fields, later line',
			text: 'a;b\n"x\ny";2\n1;2;3\n',
			ragged: [{ record: 2, line: 4, fields: 3, lastEmpty: false }]
		},
		{
			name: 'a trailing delimiter on some data rows only',
			text: 'a;b\n1;2;\n3;4',
			ragged: [{ record: 1, line: 2, fields: 3, lastEmpty: true }]
		},
		{ name: 'a trailing delimiter on every data row', text: 'a;b\n1;2;\n3;4;\n', ragged: [] }
	])('lists ragged records: $name', ({ text, ragged }) => {
		expect(scanRecords(text, ';', 1).ragged).toEqual(ragged);
	});
});
