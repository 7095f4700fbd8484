import { describe, expect, test } from 'vitest';
import { prepareCsv } from './prepare';

const HEADER = 'Indikator-ID;Projekt-Nr.;Istwert';
/** A file of about 1.5 MB (more than the sniffed head) with the given line end, BOM and lead. */
function large(newline: string, { bom = false, lead = '' } = {}): { bytes: Uint8Array; rows: number } {
	const rows = 60_000;
	const lines = [HEADER];
	for (let i = 0; i < rows; i++) lines.push(`CO0${1 + (i % 9)};BQ-${i};${i},5 Personen für Größe`);
	const text = lead + lines.join(newline) + newline;
	const body = new TextEncoder().encode(text);
	const bytes = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
	return { bytes, rows };
}

describe('prepareCsv on files larger than the sniffed head', () => {
	test.each([
		{ name: 'UTF-8, CRLF', newline: '\r\n', options: {}, encoding: 'utf-8', lineEnding: 'CRLF' },
		{
			name: 'UTF-8 with BOM, LF',
			newline: '\n',
			options: { bom: true },
			encoding: 'utf-8-bom',
			lineEnding: 'LF'
		},
		{
			name: 'UTF-8, CR only (old Mac Excel)',
			newline: '\r',
			options: {},
			encoding: 'utf-8',
			lineEnding: 'CR'
		},
		{
			name: 'UTF-8 after a sep= line and blank lines',
			newline: '\n',
			options: { lead: '\n\nsep=;\n' },
			encoding: 'utf-8',
			lineEnding: 'LF'
		}
	])(
		'$name: every record, read_csv bytes from the header on',
		({ newline, options, encoding, lineEnding }) => {
			const { bytes, rows } = large(newline, options);
			const prepared = prepareCsv('f.csv', bytes);
			expect(prepared.error).toBeUndefined();
			expect(prepared.encoding).toBe(encoding);
			expect(prepared.dialect!.lineEnding).toBe(lineEnding);
			expect(prepared.dialect!.headers).toEqual(HEADER.split(';'));
			expect(prepared.scan!.records).toBe(rows);
			const body = new TextDecoder().decode(prepared.utf8!);
			expect(body.startsWith(`${HEADER}${lineEnding === 'CR' ? '\n' : newline}`)).toBe(true);
			expect(body.endsWith(`${rows - 1},5 Personen für Größe${lineEnding === 'CR' ? '\n' : newline}`)).toBe(
				true
			);
		}
	);
});
