import type PptxGenJS from 'pptxgenjs';
import type { TextBlock } from '../deck';
import type { ChartContent, ChartSpec } from './spec';

/** One slide of the file, resolved: everything it says is decided before PowerPoint is involved. */
export type ExportSlide =
	| {
			kind: 'chart';
			content: ChartContent;
			/** The deck's own title for the slide; empty = the chart's title. */
			title: string;
			/** "Zeitraum … · Land: …": the filters the live slide shows. */
			filters: string;
			/** "Quelle: <files>, Stand <date>" */
			source: string;
			/** Said below the source when values are hidden by suppression; empty otherwise. */
			privacy: string;
			notes: string;
	  }
	| { kind: 'text'; title: string; blocks: TextBlock[]; notes: string }
	| { kind: 'missing'; title: string; reason: string; notes: string };

/** Slide size and type of the file: 16:9 by default, a template's where one was read. */
export interface Layout {
	/** Inches. */
	width: number;
	height: number;
	headFont: string;
	bodyFont: string;
	/** Title colour, hex without '#'. */
	titleColor: string;
}

export const DEFAULT_LAYOUT: Layout = {
	width: 10,
	height: 5.625,
	headFont: 'Calibri',
	bodyFont: 'Calibri',
	titleColor: '0B4F71'
};

const TEXT = '1D2B36';
const MUTED = '4A5A66';
const hex = (color: string) => color.replace('#', '').toUpperCase();

/**
 * The plot area of bar charts with reference lines, as fractions of the chart frame. It is fixed
 * (PowerPoint's manual layout, "inner") so the lines drawn over the chart sit exactly at their value.
 */
const PLOT = { x: 0.4, y: 0.1, w: 0.55, h: 0.74 };

/** Writes the slides into a new presentation; `Pptx` is pptxgenjs's constructor (loaded on demand). */
export function buildPresentation(
	Pptx: typeof PptxGenJS,
	slides: ExportSlide[],
	meta: { title: string; layout?: Layout }
): PptxGenJS {
	const layout = meta.layout ?? DEFAULT_LAYOUT;
	const pptx = new Pptx();
	pptx.defineLayout({ name: 'WIRKUNG', width: layout.width, height: layout.height });
	pptx.layout = 'WIRKUNG';
	pptx.title = meta.title;
	pptx.company = 'Wirkung';
	pptx.theme = { headFontFace: layout.headFont, bodyFontFace: layout.bodyFont };
	for (const slide of slides) addSlide(pptx, slide, layout);
	return pptx;
}

function addSlide(pptx: PptxGenJS, slide: ExportSlide, layout: Layout): void {
	const s = pptx.addSlide();
	const { width: W, height: H } = layout;
	const margin = 0.4;
	const inner = W - 2 * margin;
	const title = (text: string) =>
		s.addText(text, {
			x: margin,
			y: 0.2,
			w: inner,
			h: 0.65,
			fontFace: layout.headFont,
			fontSize: 24,
			bold: true,
			color: layout.titleColor,
			valign: 'top',
			fit: 'shrink'
		});
	if (slide.notes.trim()) s.addNotes(slide.notes);

	if (slide.kind === 'text') {
		title(slide.title);
		s.addText(
			slide.blocks.flatMap((block): PptxGenJS.TextProps[] =>
				block.kind === 'list'
					? block.items.map((item) => ({ text: item, options: { bullet: true, breakLine: true } }))
					: [{ text: block.text, options: { breakLine: true, paraSpaceAfter: 10 } }]
			),
			{
				x: margin,
				y: 1.0,
				w: inner,
				h: H - 1.4,
				fontFace: layout.bodyFont,
				fontSize: 20,
				color: TEXT,
				valign: 'top'
			}
		);
		return;
	}
	if (slide.kind === 'missing') {
		title(slide.title);
		s.addText(slide.reason, { x: margin, y: 1.2, w: inner, h: 1, fontSize: 18, color: MUTED });
		return;
	}

	const { content } = slide;
	title(slide.title || content.title);
	const subtitle = [content.subtitle, slide.filters].filter(Boolean).join(' · ');
	s.addText(subtitle, {
		x: margin,
		y: 0.85,
		w: inner,
		h: 0.4,
		fontSize: 11,
		color: MUTED,
		valign: 'top',
		fit: 'shrink'
	});
	const frame = { x: margin, y: 1.3, w: inner, h: H - 2.15 };
	if (content.chart) addChart(s, content.chart, frame);
	else s.addText(content.empty, { ...frame, fontSize: 18, color: MUTED, align: 'center' });

	const footY = H - 0.8;
	const legend: PptxGenJS.TextProps[] = [
		...(content.chart?.legend ?? []).flatMap((l) => [
			{ text: '■ ', options: { color: hex(l.color) } },
			{ text: `${l.label}    `, options: { color: TEXT } }
		]),
		...(content.chart?.references ?? []).flatMap((r) => [
			{ text: '┆ ', options: { color: MUTED } },
			{ text: `${r.meaning}    `, options: { color: TEXT } }
		])
	];
	if (legend.length) s.addText(legend, { x: margin, y: footY, w: inner, h: 0.3, fontSize: 10 });
	s.addText([slide.source, slide.privacy].filter(Boolean).join(' · '), {
		x: margin,
		y: footY + 0.3,
		w: inner,
		h: 0.35,
		fontSize: 9,
		color: MUTED,
		valign: 'top',
		fit: 'shrink'
	});
}

function addChart(
	s: PptxGenJS.Slide,
	spec: ChartSpec,
	frame: { x: number; y: number; w: number; h: number }
): void {
	// pptxgenjs's types say number[], but it writes null as "no value" (a gap), which is what is meant.
	const data = spec.series.map((series) => ({
		name: series.name,
		labels: spec.labels,
		values: series.values as number[]
	}));
	const many = spec.labels.length;
	const longest = Math.max(0, ...spec.labels.map((l) => l.length));
	// Every category label is written (PowerPoint and LibreOffice skip some when they crowd): the type
	// shrinks until one (or, for long labels, two wrapped lines) fits a category's height.
	const perCategory = (frame.h * PLOT.h * 72) / Math.max(1, many);
	const labelSize = Math.max(6, Math.min(12, Math.floor(perCategory / (longest > 45 ? 2.5 : 1.3))));
	const common = {
		...frame,
		showLegend: spec.series.length > 1,
		legendPos: 'b' as const,
		legendFontSize: 10,
		catAxisLabelFrequency: '1',
		catAxisLabelFontSize: spec.horizontal ? labelSize : 11,
		valAxisLabelFontSize: 10,
		// Whole numbers on the axis (0 %, 20 %, …), one decimal at the bars, as on screen.
		valAxisLabelFormatCode: spec.numberFormat.replace('.0', ''),
		...(spec.max !== undefined && spec.max >= 100 && spec.numberFormat.includes('%')
			? { valAxisMajorUnit: 20 }
			: {}),
		valAxisMinVal: 0,
		...(spec.max !== undefined ? { valAxisMaxVal: spec.max } : {}),
		showValAxisTitle: spec.axisTitle !== '',
		valAxisTitle: spec.axisTitle,
		valAxisTitleFontSize: 10,
		valGridLine: { color: 'E4E9ED', size: 0.5 },
		showValue: spec.dataLabels,
		dataLabelFormatCode: spec.numberFormat,
		dataLabelFontSize: many > 30 ? 6 : 9,
		dataLabelColor: TEXT
	};
	if (spec.type === 'line') {
		// One line chart per series: PowerPoint dashes a whole chart group, and the plan is dashed.
		// A multi-type chart takes its data inside the types; pptxgenjs then reads options from the third argument.
		s.addChart(
			data.map((d, i) => ({
				type: 'line' as PptxGenJS.CHART_NAME,
				data: [d],
				options: {
					chartColors: [hex(spec.series[i]!.color as string)],
					lineDash: spec.series[i]!.dashed ? ('dash' as const) : ('solid' as const),
					lineSize: 2,
					lineDataSymbol: 'circle' as const,
					lineDataSymbolSize: 5
				}
			})),
			undefined as unknown as [],
			common
		);
		return;
	}
	const single = spec.series.length === 1;
	const colors = single
		? [spec.series[0]!.color].flat().map(hex)
		: spec.series.map((series) => hex([series.color].flat()[0]!));
	s.addChart('bar' as PptxGenJS.CHART_NAME, data, {
		...common,
		barDir: spec.horizontal ? 'bar' : 'col',
		barGrouping: spec.stacked ? 'stacked' : 'clustered',
		...(spec.stacked ? { barOverlapPct: 100 } : {}),
		barGapWidthPct: 40,
		chartColors: colors.length === 1 && single ? [colors[0]!, colors[0]!] : colors,
		dataLabelPosition: spec.stacked ? 'ctr' : 'outEnd',
		// First category on top, as on screen (PowerPoint puts it at the bottom).
		...(spec.horizontal ? { catAxisOrientation: 'maxMin' as 'minMax' } : {}),
		// A fixed plot area: reference lines drawn over it sit at their value, and long labels get room.
		...(spec.horizontal ? { layout: PLOT } : {})
	});
	for (const ref of spec.references) addReference(s, ref, spec.max ?? 100, frame);
}

/**
 * A dashed vertical line at a value of a horizontal bar chart, labelled below the plot (the value
 * axis is at the top, since the first category is).
 */
function addReference(
	s: PptxGenJS.Slide,
	ref: { value: number; label: string },
	max: number,
	frame: { x: number; y: number; w: number; h: number }
): void {
	const x = frame.x + frame.w * (PLOT.x + (PLOT.w * ref.value) / max);
	const top = frame.y + frame.h * PLOT.y;
	const height = frame.h * PLOT.h;
	s.addShape('line', {
		x,
		y: top,
		w: 0,
		h: height,
		line: { color: MUTED, width: 1.25, dashType: 'dash' },
		objectName: `Referenz ${ref.value}`
	});
	s.addText(ref.label, {
		x: x - 0.4,
		y: top + height + 0.01,
		w: 0.8,
		h: 0.25,
		fontSize: 8,
		color: MUTED,
		align: 'center',
		objectName: `Referenz ${ref.value} Beschriftung`
	});
}
