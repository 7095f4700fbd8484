import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import { describe, expect, it } from 'vitest';
import { writePptx } from './export';
import { readTemplate, TemplateError } from './template';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'tests', 'fixtures', 'pptx');

describe('readTemplate', () => {
	it('takes slide size, fonts and title colour from a template saved by LibreOffice Impress (4:3, Arial)', async () => {
		const bytes = new Uint8Array(await readFile(join(FIXTURES, 'vorlage-libreoffice-4x3.pptx')));
		const layout = await readTemplate(bytes);
		expect(layout).toEqual({
			width: 10,
			height: 7.5,
			headFont: 'Arial',
			bodyFont: 'Arial',
			titleColor: '44546A'
		});

		// The export then writes slides of that size in those fonts.
		const plan = {
			slides: [{ kind: 'text' as const, title: 'Agenda', blocks: [], notes: '' }],
			hidden: 0,
			hiddenSlides: [],
			missingSlides: []
		};
		const zip = await JSZip.loadAsync(await writePptx(PptxGenJS, plan, { title: 'T', layout }));
		expect(await zip.file('ppt/presentation.xml')!.async('string')).toMatch(
			/<p:sldSz cx="9144000" cy="6858000"/
		);
		const slide = await zip.file('ppt/slides/slide1.xml')!.async('string');
		expect(slide).toContain('typeface="Arial"');
		expect(slide).toContain('<a:srgbClr val="44546A"/>');
	});

	const bad: { name: string; bytes: Uint8Array; code: TemplateError['code'] }[] = [
		{ name: 'a text file', bytes: new TextEncoder().encode('Folienmaster'), code: 'notZip' },
		{ name: 'a zip that is no presentation (e.g. a .docx)', bytes: new Uint8Array(0), code: 'notPptx' },
		{ name: 'a presentation without a slide size', bytes: new Uint8Array(0), code: 'noSize' }
	];
	it.each(bad)('refuses $name with a code for its message', async ({ name, bytes, code }) => {
		let input = bytes;
		if (name.startsWith('a zip')) {
			const zip = new JSZip();
			zip.file('word/document.xml', '<w:document/>');
			input = await zip.generateAsync({ type: 'uint8array' });
		} else if (name.startsWith('a presentation')) {
			const zip = new JSZip();
			zip.file('ppt/presentation.xml', '<p:presentation/>');
			input = await zip.generateAsync({ type: 'uint8array' });
		}
		await expect(readTemplate(input)).rejects.toMatchObject({ code });
	});
});
