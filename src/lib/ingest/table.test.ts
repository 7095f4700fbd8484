import { describe, expect, test } from 'vitest';
import { detectFooter, detectTable, mergeHeaders } from './table';

describe('detectTable', () => {
	test.each([
		{
			name: 'header on the first line',
			text: 'a;b;c\n1;2;3\n4;5;6\n',
			line: 0,
			headers: ['a', 'b', 'c'],
			skipped: []
		},
		{
			name: 'title, Stand: and a blank line',
			text: 'Istwerte 2026\nStand: 30.09.2026\n\nID;Wert;Datum\nA;1;01.01.2026\nB;2;02.01.2026\n',
			line: 3,
			headers: ['ID', 'Wert', 'Datum'],
			skipped: [
				[1, 'preamble'],
				[2, 'preamble'],
				[3, 'blank']
			]
		},
		{
			name: 'label and value rows padded to the width (Excel)',
			text: 'Konto:;DE02 1203;;\nZeitraum:;01.11.2026 - 30.11.2026;;\nDatum;Text;Betrag;Saldo\n01.11.2026;Miete;-500,00;1.000,00\n02.11.2026;Gehalt;2.000,00;3.000,00\n',
			line: 2,
			headers: ['Datum', 'Text', 'Betrag', 'Saldo'],
			skipped: [
				[1, 'preamble'],
				[2, 'preamble']
			]
		},
		{
			name: 'DATEV EXTF line',
			text: '"EXTF";700;21;"Buchungsstapel";13;;;"RE"\nUmsatz;Konto;Gegenkonto\n1190,00;1200;8400\n',
			line: 1,
			headers: ['Umsatz', 'Konto', 'Gegenkonto'],
			skipped: [[1, 'datev']]
		},
		{
			name: 'GENESIS: title lines and two header rows, merged',
			text: 'GENESIS-Tabelle: 1\nTitel;;;\n;;Arbeitslose;Quote\n;;Anzahl;Prozent\n2026;Januar;3084221;6,6\n2026;Februar;3076456;6,5\n',
			line: 3,
			headers: ['', '', 'Arbeitslose Anzahl', 'Quote Prozent'],
			skipped: [
				[1, 'preamble'],
				[2, 'preamble'],
				[3, 'header']
			]
		},
		{
			name: 'a group row above the column names',
			text: ';Teilnahme;\nID;angemeldet;anwesend\nV-01;25;21\nV-02;30;26\n',
			line: 1,
			headers: ['ID', 'Teilnahme angemeldet', 'Teilnahme anwesend'],
			skipped: [[1, 'header']]
		},
		{
			name: 'no header row: columns numbered',
			text: 'CO01;01.01.2021;4,5\nCO02;01.04.2021;3\n',
			line: 0,
			headers: ['Spalte 1', 'Spalte 2', 'Spalte 3'],
			skipped: []
		}
	])('$name', ({ text, line, headers, skipped }) => {
		const table = detectTable(text);
		expect(table.headerLine).toBe(line);
		expect(table.headers).toEqual(headers);
		expect(table.skipped.map((l) => [l.line, l.reason])).toEqual(skipped);
		expect(text.slice(table.bodyStart).split('\n')[0]).toBe(text.split('\n')[line]);
	});

	test('a forced header line wins over the detection, which is still reported', () => {
		const table = detectTable('Titel\nID;Wert\nA;1\n', { headerLine: 0 });
		expect(table.headerLine).toBe(0);
		expect(table.detectedLine).toBe(1);
	});
});

describe('mergeHeaders', () => {
	test('a group label spans the empty cells to its right where the last row names a column', () => {
		expect(
			mergeHeaders([
				['', '2025', '', '2026', '', ''],
				['Land', 'm', 'w', 'm', 'w', '']
			])
		).toEqual(['Land', '2025 m', '2025 w', '2026 m', '2026 w', '']);
	});
});

describe('detectFooter', () => {
	test.each([
		{ name: 'none', tail: 'a;b\n1;2\n3;4\n', lines: null },
		{
			name: 'separator, footnote and copyright',
			tail: 'a;b\n1;2\n__________\n1) vorläufig\n© Statistisches Bundesamt (Destatis), 2026\n',
			lines: ['separator', 'note', 'note']
		},
		{ name: 'a totals line after a blank line', tail: 'a;b;c\n1;2;3\n\nSumme;2;3\n', lines: ['total'] },
		{ name: 'trailing blank lines are not a footer', tail: 'a;b\n1;2\n\n\n', lines: null },
		{ name: 'a last row with one number is data', tail: 'a;b;c\n1;2;3\n4;;\n', lines: null },
		{ name: 'Excel-padded note', tail: 'a;b;c\n1;2;3\nErstellt mit Tabellenprogramm;;\n', lines: ['note'] }
	])('$name', ({ tail, lines }) => {
		const footer = detectFooter(tail, ';', tail.split('\n')[0]!.split(';').length, 2);
		expect(footer?.lines.map((l) => l.reason) ?? null).toEqual(lines);
		if (footer)
			expect(tail.slice(footer.start).startsWith(tail.split('\n').find((l, i) => i > 1 && l !== '')!)).toBe(
				true
			);
	});
});
