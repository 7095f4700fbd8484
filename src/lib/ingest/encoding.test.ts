import { describe, expect, test } from 'vitest';
import { checkBytes, decodeText, InputError } from './encoding';

const bytes = (...parts: (number[] | string)[]) =>
	Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('decodeText', () => {
	test.each([
		{ name: 'UTF-8 BOM', input: bytes([0xef, 0xbb, 0xbf], 'a;b'), text: 'a;b', encoding: 'utf-8-bom' },
		{ name: 'UTF-16 LE BOM', input: bytes([0xff, 0xfe, 0x61, 0, 0xfc, 0]), text: 'aü', encoding: 'utf-16le' },
		{ name: 'UTF-16 BE BOM', input: bytes([0xfe, 0xff, 0, 0x61, 0, 0xfc]), text: 'aü', encoding: 'utf-16be' },
		{ name: 'strict UTF-8', input: bytes([0x4d, 0xc3, 0xbc]), text: 'Mü', encoding: 'utf-8' },
		{ name: 'Windows-1252 ü', input: bytes([0x4d, 0xfc]), text: 'Mü', encoding: 'windows-1252' },
		{
			name: 'Windows-1252 0x80–0x9F',
			input: bytes([0x80, 0x84, 0x93, 0x96]),
			text: '€„“–',
			encoding: 'windows-1252'
		}
	])('$name', ({ input, text, encoding }) => {
		expect(decodeText(input)).toEqual({ text, encoding });
	});

	test.each([
		{
			name: 'UTF-8 then cp1252, LF',
			input: bytes('a\n', [0xc3, 0xbc], '\n', [0xfc]),
			message: /Zeile 2 ist UTF-8, Zeile 3 nicht/
		},
		{
			name: 'cp1252 then UTF-8, CR only',
			input: bytes([0xfc], '\r\r', [0xc3, 0xa4]),
			message: /Zeile 3 ist UTF-8, Zeile 1 nicht/
		}
	])('refuses mixed encodings: $name', ({ input, message }) => {
		expect(() => decodeText(input)).toThrow(message);
	});
});

describe('checkBytes', () => {
	test.each([
		{ name: 'empty', input: bytes(), limit: 10, message: /leer/ },
		{ name: 'over the limit', input: bytes('abcdef'), limit: 5, message: /erlaubt sind höchstens/ },
		{ name: 'NUL bytes', input: bytes('a;b', [0], 'c'), limit: 100, message: /Binärdaten/ },
		{ name: 'PDF', input: bytes('%PDF-1.7'), limit: 100, message: /PDF-Dokument/ },
		{ name: 'gzip', input: bytes([0x1f, 0x8b, 8]), limit: 100, message: /gzip/ }
	])('refuses $name', ({ input, limit, message }) => {
		expect(() => checkBytes(input, limit)).toThrow(InputError);
		expect(() => checkBytes(input, limit)).toThrow(message);
	});

	test.each([
		{ name: 'text', input: bytes('a;b\n1;2') },
		{ name: 'UTF-16 with NULs', input: bytes([0xff, 0xfe, 0x61, 0]) }
	])('accepts $name', ({ input }) => {
		expect(() => checkBytes(input, 100)).not.toThrow();
	});
});
