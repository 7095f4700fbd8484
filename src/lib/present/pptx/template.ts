import JSZip from 'jszip';
import { DEFAULT_LAYOUT, type Layout } from './build';

/** EMU (English Metric Units) per inch, the unit of slide sizes in a .pptx. */
const EMU_PER_INCH = 914400;

/** Why a template file cannot be used; `code` picks the message (pptx.template.<code>). */
export class TemplateError extends Error {
	constructor(
		readonly code: 'notZip' | 'notPptx' | 'noSize',
		readonly detail = ''
	) {
		super(`${code}${detail ? `: ${detail}` : ''}`);
	}
}

/**
 * What the export takes from a presenter's .pptx template: slide size, heading and body fonts and
 * the title colour (theme colour "Text 2", else "Akzent 1"). pptxgenjs writes new files only, so the
 * template's masters, layouts and backgrounds cannot be carried over; the caller says so.
 */
export async function readTemplate(bytes: Uint8Array): Promise<Layout> {
	let zip: JSZip;
	try {
		zip = await JSZip.loadAsync(bytes);
	} catch {
		throw new TemplateError('notZip');
	}
	const presentation = await zip.file('ppt/presentation.xml')?.async('string');
	if (!presentation) throw new TemplateError('notPptx');
	const size = /<p:sldSz\b[^>]*\bcx="(\d+)"[^>]*\bcy="(\d+)"/.exec(presentation);
	const width = Number(size?.[1]) / EMU_PER_INCH;
	const height = Number(size?.[2]) / EMU_PER_INCH;
	if (!(width >= 4 && width <= 56 && height >= 3 && height <= 56))
		throw new TemplateError('noSize', size?.[0] ?? '');
	const themeName = Object.keys(zip.files)
		.filter((n) => /^ppt\/theme\/theme\d+\.xml$/.test(n))
		.sort()[0];
	const theme = (themeName && (await zip.file(themeName)!.async('string'))) || '';
	const font = (kind: 'major' | 'minor') =>
		new RegExp(`<a:${kind}Font>\\s*<a:latin typeface="([^"]+)"`).exec(theme)?.[1];
	const color = (slot: string) =>
		new RegExp(`<a:${slot}>\\s*<a:srgbClr val="([0-9A-Fa-f]{6})"`).exec(theme)?.[1]?.toUpperCase();
	return {
		width: Math.round(width * 1000) / 1000,
		height: Math.round(height * 1000) / 1000,
		headFont: font('major') || DEFAULT_LAYOUT.headFont,
		bodyFont: font('minor') || DEFAULT_LAYOUT.bodyFont,
		titleColor: color('dk2') || color('accent1') || DEFAULT_LAYOUT.titleColor
	};
}
