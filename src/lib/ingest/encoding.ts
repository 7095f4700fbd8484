/** Text encodings the importer recognises (DESIGN.md §4). */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
	text: string;
	encoding: Encoding;
}

/**
 * Decodes file bytes: BOM first, then strict UTF-8, then Windows-1252 (Excel-de's "CSV
 * (Trennzeichen-getrennt)"). Never ISO-8859-1: it differs in 0x80–0x9F (€, „, “, –).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
		return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
	if (bytes[0] === 0xff && bytes[1] === 0xfe)
		return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
	if (bytes[0] === 0xfe && bytes[1] === 0xff)
		return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
	}
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
