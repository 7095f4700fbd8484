/** Text encodings the importer recognises (DESIGN.md §4). */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
	text: string;
	encoding: Encoding;
}

/** Why bytes are refused before any parsing: the message names the file's problem. */
export class InputError extends Error {}

/** Default size limit of one file (DESIGN.md §4: configurable). */
export const DEFAULT_SIZE_LIMIT = 1024 ** 3;

const SIGNATURES: { bytes: number[]; what: string }[] = [
	{ bytes: [0x50, 0x4b, 0x03, 0x04], what: 'ein ZIP-Archiv (z. B. eine Excel-Arbeitsmappe .xlsx)' },
	{ bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'eine alte Excel-Arbeitsmappe (.xls)' },
	{ bytes: [0x25, 0x50, 0x44, 0x46], what: 'ein PDF-Dokument' },
	{ bytes: [0x89, 0x50, 0x4e, 0x47], what: 'ein PNG-Bild' },
	{ bytes: [0x1f, 0x8b], what: 'ein gzip-Archiv' },
	{ bytes: [0x50, 0x41, 0x52, 0x31], what: 'eine Parquet-Datei' }
];

const formatBytes = (n: number) =>
	n >= 1024 ** 3
		? `${(n / 1024 ** 3).toLocaleString('de-DE', { maximumFractionDigits: 1 })} GB`
		: `${(n / 1024 ** 2).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;

/** Refuses an empty file or one over the limit, before it is read (the browser knows the size). */
export function checkSize(size: number, sizeLimit = DEFAULT_SIZE_LIMIT): void {
	if (size === 0) throw new InputError('Die Datei ist leer (0 Bytes).');
	if (size > sizeLimit)
		throw new InputError(
			`Die Datei ist ${formatBytes(size)} groß; erlaubt sind höchstens ${formatBytes(sizeLimit)}.`
		);
}

/**
 * Refuses what is not a CSV text before anything is parsed: empty, over the size limit, a known
 * binary format, or bytes with NUL characters (not text unless UTF-16 with BOM).
 */
export function checkBytes(bytes: Uint8Array, sizeLimit = DEFAULT_SIZE_LIMIT): void {
	checkSize(bytes.length, sizeLimit);
	const known = SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
	if (known) throw new InputError(`Die Datei ist keine CSV-Textdatei, sondern ${known.what}.`);
	const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
	if (!utf16 && bytes.subarray(0, 64 * 1024).includes(0))
		throw new InputError('Die Datei ist keine Textdatei (sie enthält Binärdaten).');
}

/**
 * Decodes file bytes: BOM first, then strict UTF-8, then Windows-1252 (Excel-de's "CSV
 * (Trennzeichen-getrennt)"). Never ISO-8859-1: it differs in 0x80–0x9F (€, „, “, –).
 * A file that is partly UTF-8 and partly something else is refused: either reading garbles text.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
	const encoding = detectEncoding(bytes);
	if (encoding === 'windows-1252') return { text: decodeWindows1252(bytes), encoding };
	const bom = encoding === 'utf-8' ? 0 : encoding === 'utf-8-bom' ? 3 : 2;
	const label = encoding === 'utf-16le' ? 'utf-16le' : encoding === 'utf-16be' ? 'utf-16be' : 'utf-8';
	return { text: new TextDecoder(label).decode(bytes.subarray(bom)), encoding };
}

/** Bytes checked at a time for strict UTF-8: no string of the whole file is built for the check. */
const CHECK_CHUNK = 4 * 1024 * 1024;

/** The encoding decodeText decodes the bytes with (same rules); refuses mixed encodings. */
export function detectEncoding(bytes: Uint8Array): Encoding {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	try {
		const decoder = new TextDecoder('utf-8', { fatal: true });
		for (let i = 0; i < bytes.length; i += CHECK_CHUNK)
			decoder.decode(bytes.subarray(i, i + CHECK_CHUNK), { stream: true });
		decoder.decode();
		return 'utf-8';
	} catch {
		const mixed = mixedEncodingLines(bytes);
		if (mixed)
			throw new InputError(
				`Die Datei mischt Zeichenkodierungen: Zeile ${mixed.utf8} ist UTF-8, Zeile ${mixed.other} nicht. Bitte einheitlich (z. B. als UTF-8) speichern.`
			);
		return 'windows-1252';
	}
}

/**
 * Lines of the first valid UTF-8 multi-byte sequence and of the first byte that is not UTF-8, when
 * a file holds both (e.g. two exports pasted together).
 */
function mixedEncodingLines(bytes: Uint8Array): { utf8: number; other: number } | null {
	let line = 1;
	let utf8 = 0;
	let other = 0;
	for (let i = 0; i < bytes.length && !(utf8 && other); i++) {
		const b = bytes[i]!;
		if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
		if (b < 0x80) continue;
		const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
		let valid = length > 0 && i + length <= bytes.length;
		let codePoint = length ? b & (0xff >> (length + 1)) : 0;
		for (let k = 1; valid && k < length; k++) {
			valid = (bytes[i + k]! & 0xc0) === 0x80;
			codePoint = (codePoint << 6) | (bytes[i + k]! & 0x3f);
		}
		// Only characters German text uses (Latin-1 letters, „ “ – €) count as UTF-8 evidence:
		// Windows-1252 pairs such as "ß“" also form valid, but exotic, UTF-8 sequences.
		if (valid && ((codePoint >= 0xa0 && codePoint <= 0xff) || (codePoint >= 0x2000 && codePoint <= 0x20ac))) {
			utf8 ||= line;
			i += length - 1;
		} else other ||= line;
	}
	return utf8 && other ? { utf8, other } : null;
}

// WHATWG windows-1252 for 0x80–0x9F. Browsers' TextDecoder has it, but Node.js 20 decodes
// "windows-1252" as ISO-8859-1, which would turn „ “ – € into control characters in tests and the CLI.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const nativeCp1252 = new TextDecoder('windows-1252').decode(Uint8Array.of(0x80)) === '€';

function decodeWindows1252(bytes: Uint8Array): string {
	const text = new TextDecoder('windows-1252').decode(bytes);
	if (nativeCp1252) return text;
	return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
