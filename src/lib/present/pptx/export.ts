import JSZip from 'jszip';
import type PptxGenJS from 'pptxgenjs';
import { formatters } from '../../charts/format';
import { translate, type Locale, type MessageKey } from '../../i18n';
import { isViewId } from '../../views';
import { DEFAULT_SLIDE_ROWS, textBlocks, type ChartSlide, type Slide } from '../deck';
import { filterParts } from '../describe';
import { deckSlug } from '../validate';
import { buildPresentation, type ExportSlide, type Layout } from './build';
import { chartContent, HIDDEN_MARK } from './spec';
import { hiddenKeys } from './suppress';

/** Smallest count a file leaving the browser shows, as for a published share (DESIGN.md §6). */
export const EXPORT_K = 3;

/** What the export needs from the page: the deck as shown, where its data comes from, and the locale. */
export interface ExportInput {
	deckTitle: string;
	/** The slides as the live deck shows them (linked slides already carry the dashboard's filters). */
	slides: Slide[];
	/** The data of a chart slide: what the live slide shows (or loads it the same way). */
	data: (slide: ChartSlide) => Promise<{ data: unknown; error: string | null }>;
	/** Source files of the data, for the source line. */
	files: string[];
	locale: Locale;
	/** ISO date of the export: the "Stand" of views without an as-of date of their own. */
	today: string;
}

/** The resolved slides and what the export must tell the presenter. */
export interface ExportPlan {
	slides: ExportSlide[];
	/** Values hidden by small-cell suppression, over all slides. */
	hidden: number;
	/** 1-based numbers of slides with hidden values. */
	hiddenSlides: number[];
	/** 1-based numbers of chart slides without data (unknown view, failed load): they say why instead. */
	missingSlides: number[];
}

/**
 * Resolves every slide of a deck into what the file will show: chart slides through their view's
 * mapper (spec.ts) after small-cell suppression (k = 3, secondary suppression, as a share), text
 * slides into their paragraphs and bullets. Pure apart from `input.data`.
 */
export async function planExport(input: ExportInput): Promise<ExportPlan> {
	const t = (key: MessageKey, params?: Record<string, string | number>) =>
		translate(input.locale, key, params);
	const fmt = formatters(input.locale);
	const plan: ExportPlan = { slides: [], hidden: 0, hiddenSlides: [], missingSlides: [] };
	for (const [index, slide] of input.slides.entries()) {
		if (slide.kind === 'text') {
			plan.slides.push({
				kind: 'text',
				title: slide.title,
				blocks: textBlocks(slide.body),
				notes: slide.notes
			});
			continue;
		}
		const loaded = isViewId(slide.viewId) ? await input.data(slide) : null;
		if (!isViewId(slide.viewId) || !loaded || loaded.error !== null) {
			plan.missingSlides.push(index + 1);
			plan.slides.push({
				kind: 'missing',
				title: slide.title,
				reason: isViewId(slide.viewId)
					? `${t('present.missing.noData')} ${loaded?.error ?? ''}`.trim()
					: t('present.missing.unknownView', { id: slide.viewId }),
				notes: slide.notes
			});
			continue;
		}
		const hidden = hiddenKeys(slide.viewId, loaded.data, EXPORT_K);
		const content = chartContent(slide.viewId, loaded.data, {
			fmt,
			t,
			hidden,
			rankRows: slide.rows ?? DEFAULT_SLIDE_ROWS
		});
		const count = content.table.rows.flat().filter((cell) => cell === HIDDEN_MARK).length;
		if (count) {
			plan.hidden += count;
			plan.hiddenSlides.push(index + 1);
		}
		const filters = filterParts(slide.filters, fmt.date)
			.map((p) =>
				t(`present.filter.${p.key}` as MessageKey, {
					value: p.key === 'gender' ? t(`present.gender.${p.value}` as MessageKey) : p.value
				})
			)
			.join(' · ');
		plan.slides.push({
			kind: 'chart',
			content,
			title: slide.title,
			filters,
			source: t('pptx.source', {
				files: input.files.length ? input.files.join(', ') : '–',
				date: fmt.date(content.asOf ?? input.today)
			}),
			privacy: count ? t('pptx.privacy.slide', { mark: HIDDEN_MARK, k: EXPORT_K }) : '',
			notes: slide.notes
		});
	}
	return plan;
}

/**
 * The .pptx file of a plan. Values PowerPoint has none for (suppressed, not computable) are left
 * out of the charts' caches and of their embedded workbooks (what "Daten bearbeiten" opens) rather
 * than written as empty numbers, which PowerPoint and Excel read as zero or as damage.
 */
export async function writePptx(
	Pptx: typeof PptxGenJS,
	plan: ExportPlan,
	meta: { title: string; layout?: Layout }
): Promise<Uint8Array> {
	const pptx = buildPresentation(Pptx, plan.slides, meta);
	const zip = await JSZip.loadAsync((await pptx.write({ outputType: 'uint8array' })) as Uint8Array);
	for (const name of Object.keys(zip.files)) {
		if (/^ppt\/charts\/chart\d+\.xml$/.test(name)) {
			const xml = await zip.file(name)!.async('string');
			zip.file(name, xml.replace(/<c:pt idx="\d+"><c:v><\/c:v><\/c:pt>/g, ''));
		} else if (/^ppt\/embeddings\/.+\.xlsx$/.test(name)) {
			const book = await JSZip.loadAsync(await zip.file(name)!.async('uint8array'));
			for (const sheet of Object.keys(book.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
				const xml = await book.file(sheet)!.async('string');
				book.file(sheet, xml.replace(/<c r="([A-Z]+\d+)"><v><\/v><\/c>/g, '<c r="$1"/>'));
			}
			zip.file(name, await book.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
		}
	}
	return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** File name of a deck's PowerPoint export, named like its JSON export. */
export function pptxFileName(title: string): string {
	return `${deckSlug(title)}.pptx`;
}
