import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RANK_COLORS, STATUS_STYLE } from '../../charts/palette';
import type { Engine } from '../../engine';
import { createNodeEngine } from '../../engine/node';
import { loadSample } from '../../ingest';
import { NO_FILTERS, type Filters } from '../../metrics';
import type { ChartSlide, Slide } from '../deck';
import { loadNeed } from '../load';
import { planExport, pptxFileName, writePptx, type ExportInput } from './export';

const DATA = join(import.meta.dirname, '..', '..', '..', '..', 'data');

/** The parts of a written .pptx a test reads back: slide XML, its chart's XML and its notes. */
async function openPptx(bytes: Uint8Array) {
	const zip = await JSZip.loadAsync(bytes);
	const text = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve(null);
	const slideNames = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
	const slide = async (n: number) => {
		const rels = (await text(`ppt/slides/_rels/slide${n}.xml.rels`)) ?? '';
		const chart = /Target="(?:\.\.|\/ppt)\/charts\/(chart\d+\.xml)"/.exec(rels)?.[1];
		const notes = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
		return {
			xml: (await text(`ppt/slides/slide${n}.xml`))!,
			chart: chart ? await text(`ppt/charts/${chart}`) : null,
			notes: notes ? await text(`ppt/notesSlides/${notes}`) : null
		};
	};
	return { zip, count: slideNames.length, slide, presentation: (await text('ppt/presentation.xml'))! };
}

/** Every series of a chart's XML: its name, its category labels and its values by index (gaps absent). */
function chartSeries(xml: string) {
	return [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map(([, ser]) => {
		const points = (part: string) =>
			[
				...(new RegExp(`<c:${part}>([\\s\\S]*?)</c:${part}>`).exec(ser!)?.[1] ?? '').matchAll(
					/<c:pt idx="(\d+)">\s*<c:v>([^<]*)<\/c:v>/g
				)
			].map(([, i, v]) => [Number(i), v!] as const);
		const values = new Map(points('val').map(([i, v]) => [i, Number(v)]));
		return {
			name: /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(ser!)?.[1] ?? '',
			labels: points('cat').map(([, v]) => v),
			values,
			colors: [...ser!.matchAll(/<c:dPt>[\s\S]*?<a:srgbClr val="([0-9A-F]{6})"/g)].map((m) => `#${m[1]}`)
		};
	});
}

/** de-DE table text → number: "111,8 %" → 111.8, "1.234" → 1234. */
const parseDe = (text: string) => Number(text.replace(/\s|%|\u00a0|\./g, '').replace(',', '.'));
const decode = (s: string) =>
	s
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"');

let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
	await loadSample(engine, async (name) => new Uint8Array(await readFile(join(DATA, name))));
}, 60_000);
afterAll(() => engine.close());

const chart = (id: string, viewId: string, filters: Filters = NO_FILTERS, notes = ''): ChartSlide => ({
	kind: 'chart',
	id,
	viewId,
	filters,
	linked: false,
	title: '',
	notes
});

function input(slides: Slide[], overrides: Partial<ExportInput> = {}): ExportInput {
	return {
		deckTitle: 'Zwischenbilanz BIWAQ',
		slides,
		data: (slide) => loadNeed(engine, { viewId: slide.viewId, filters: slide.filters }),
		files: ['indicators.csv', 'values.csv'],
		locale: 'de',
		today: '2026-12-04',
		...overrides
	};
}

describe('PowerPoint export of a deck from the sample data', () => {
	const slides: Slide[] = [
		{
			kind: 'text',
			id: 't1',
			title: 'Agenda',
			body: 'Stand der Zielerreichung\n\n- Beschäftigung\n- Lokale Ökonomie',
			notes: 'Begrüßung, dann Agenda.'
		},
		chart('c1', 'attainment-by-indicator', NO_FILTERS, 'Zuerst die Gesamtsicht.'),
		chart('c2', 'trajectory'),
		chart('c3', 'feedback-by-question'),
		chart('c4', 'attainment-by-municipality', { ...NO_FILTERS, states: ['Berlin'] }),
		chart('c5', 'participation-by-session'),
		chart('c6', 'no-such-view')
	];
	let file: Awaited<ReturnType<typeof openPptx>>;
	let plan: Awaited<ReturnType<typeof planExport>>;
	beforeAll(async () => {
		plan = await planExport(input(slides));
		file = await openPptx(await writePptx(PptxGenJS, plan, { title: 'Zwischenbilanz BIWAQ' }));
	}, 60_000);

	it('has one 16:9 slide per deck slide', () => {
		expect(file.count).toBe(slides.length);
		expect(file.presentation).toMatch(/<p:sldSz cx="9144000" cy="5143500"/);
	});

	it("keeps a text slide's paragraphs, bullets and notes", async () => {
		const { xml, chart: c, notes } = await file.slide(1);
		expect(c).toBeNull();
		expect(xml).toContain('Stand der Zielerreichung');
		expect((xml.match(/<a:buChar/g) ?? []).length).toBe(2);
		expect(xml).toContain('Lokale Ökonomie');
		expect(notes).toContain('Begrüßung, dann Agenda.');
	});

	it("draws attainment as a native horizontal bar chart with the table's values, status colours and reference lines", async () => {
		const { xml, chart: c, notes } = await file.slide(2);
		expect(c).toMatch(/<c:barChart>[\s\S]*<c:barDir val="bar"\/>/);
		const [series] = chartSeries(c!);
		const content = plan.slides[1]!.kind === 'chart' ? plan.slides[1]!.content : null;
		const table = content!.table.rows;
		expect(table.length).toBeGreaterThan(3);
		// Same order and labels as the slide's table, values equal to its attainment column.
		expect(series!.labels.map(decode)).toEqual(table.map((r) => r[0]));
		expect(table.map((r, i) => series!.values.get(i) ?? null)).toEqual(table.map((r) => parseDe(r[3]!)));
		// Worst first, as on screen.
		const values = [...series!.values.values()];
		expect(values).toEqual([...values].sort((a, b) => a - b));
		// Each bar in its status's colour (status read from the table's status column).
		const statusByLabel = Object.fromEntries(
			Object.entries(STATUS_STYLE).map(([s, style]) => [s, style.color.toUpperCase()])
		);
		expect(series!.colors).toEqual(
			table.map((r) => {
				const status = Object.keys(STATUS_STYLE).find((s) =>
					r[4]!.includes(
						s === 'on_track'
							? 'auf Kurs'
							: s === 'achieved'
								? 'erreicht'
								: s === 'behind'
									? 'im Rückstand'
									: 'kein'
					)
				);
				return statusByLabel[status!];
			})
		);
		expect(xml).toContain('name="Referenz 100"');
		expect(xml).toContain('name="Referenz 80"');
		expect(xml).toMatch(/100\s% = erreicht/);
		expect(xml).toContain('Quelle: indicators.csv, values.csv, Stand ');
		expect(notes).toContain('Zuerst die Gesamtsicht.');
		// The embedded workbook holds the data, so "Daten bearbeiten" works in PowerPoint.
		expect(Object.keys(file.zip.files).some((n) => /^ppt\/embeddings\/.*\.xlsx$/.test(n))).toBe(true);
	});

	it('draws the trajectory as lines: actual solid, plan dashed', async () => {
		const { chart: c } = await file.slide(3);
		expect((c!.match(/<c:lineChart>/g) ?? []).length).toBe(2);
		const series = chartSeries(c!);
		expect(series.map((s) => s.name)).toEqual(['Ist (kumuliert)', 'Plan (Soll)']);
		expect(c).toMatch(/<a:prstDash val="dash"\/>/);
		const content = plan.slides[2]!.kind === 'chart' ? plan.slides[2]!.content : null;
		expect(content!.table.rows.map((r, i) => series[0]!.values.get(i) ?? null)).toEqual(
			content!.table.rows.map((r) => (r[1] === '–' ? null : parseDe(r[1]!)))
		);
	});

	it('draws feedback as stacked bars in the rank colours, best answer first', async () => {
		const { chart: c } = await file.slide(4);
		expect(c).toMatch(/<c:grouping val="stacked"\/>/);
		const series = chartSeries(c!);
		expect(series[0]!.name).toBe('beste Stufe');
		expect(c).toContain(`<a:srgbClr val="${RANK_COLORS[0]!.slice(1)}"/>`);
		// Every share equals the slide's table cell; a hidden cell ("•") has no value in the chart.
		const content = plan.slides[3]!.kind === 'chart' ? plan.slides[3]!.content : null;
		const rows = content!.table.rows;
		expect(series[0]!.labels.length).toBe(rows.length);
		for (const [i, s] of series.entries())
			expect(rows.map((_, q) => s.values.get(q) ?? null)).toEqual(
				rows.map((r) => (r[i + 1] === '•' || r[i + 1] === '–' ? null : parseDe(r[i + 1]!)))
			);
		// Shown shares of a question add up to at most 100 %, and to 100 % when none is hidden.
		for (const [q, r] of rows.entries()) {
			const sum = series.reduce((t, x) => t + (x.values.get(q) ?? 0), 0);
			if (r.includes('•')) expect(sum).toBeLessThan(100.05);
			else expect(Math.abs(sum - 100)).toBeLessThan(0.5);
		}
	});

	it('puts the filters into the subtitle line', async () => {
		const { xml } = await file.slide(5);
		expect(xml).toContain('Land: Berlin');
		expect(xml).toMatch(/Zielerreichung nach Kommune – /);
	});

	it('says so on a slide whose view this version lacks', async () => {
		const { xml, chart: c } = await file.slide(7);
		expect(c).toBeNull();
		expect(decode(xml)).toContain('„no-such-view“');
		expect(plan.missingSlides).toEqual([7]);
	});

	it('writes English when the UI is English', async () => {
		const en = await planExport(input([chart('c1', 'trajectory')], { locale: 'en' }));
		const s = en.slides[0]!;
		expect(s.kind === 'chart' && s.content.title).toMatch(/^Trajectory/);
		expect(s.kind === 'chart' && s.source).toMatch(
			/^Source: indicators\.csv, values\.csv, as of \d\d\/\d\d\/\d{4}$/
		);
	});

	it("shows a long ranking's best and worst bars as the slide does, with the gap counted", async () => {
		const slide = { ...chart('r', 'attainment-by-state'), rows: { top: 3, bottom: 2 } };
		const short = await planExport(input([slide]));
		const file = await openPptx(await writePptx(PptxGenJS, short, { title: 'T' }));
		const [series] = chartSeries((await file.slide(1)).chart!);
		expect(series!.labels).toHaveLength(6);
		expect(series!.labels[3]).toBe('… 11 weitere');
		expect([...series!.values.keys()]).toEqual([0, 1, 2, 4, 5]);
		const s = short.slides[0]!;
		expect(s.kind === 'chart' && s.content.table.rows.map((r) => r[0])).toEqual(
			[0, 1, 2, 4, 5].map((i) => series!.labels[i])
		);
	});

	it('names the file after the deck', () => {
		expect(pptxFileName('Zwischenbilanz: BIWAQ 2026')).toBe('Zwischenbilanz-BIWAQ-2026.pptx');
	});
});

describe('small-cell suppression in the file', () => {
	/** Participants per role at two sessions: "BMI/BBSR" at S1 is under k, "Jobcenter" hides with it. */
	const matrix = {
		by: 'role' as const,
		sessions: [
			{ sessionId: 'S1', title: 'Auftakt', date: '2025-03-01' },
			{ sessionId: 'S2', title: 'Abschluss', date: '2025-11-01' }
		],
		cells: [
			{ key: 'Kommune', sessionId: 'S1', participants: 9 },
			{ key: 'Jobcenter', sessionId: 'S1', participants: 4 },
			{ key: 'BMI/BBSR', sessionId: 'S1', participants: 2 },
			{ key: 'Kommune', sessionId: 'S2', participants: 8 },
			{ key: 'Jobcenter', sessionId: 'S2', participants: 5 },
			{ key: 'BMI/BBSR', sessionId: 'S2', participants: 3 }
		]
	};

	it('leaves hidden values out of the chart and its workbook, marks them in the table and says so', async () => {
		const plan = await planExport(
			input([chart('m', 'participation-by-role')], { data: async () => ({ data: matrix, error: null }) })
		);
		expect(plan.hidden).toBe(2);
		expect(plan.hiddenSlides).toEqual([1]);
		const s = plan.slides[0]!;
		if (s.kind !== 'chart') throw new Error('expected a chart slide');
		expect(s.content.table.rows).toEqual([
			['Kommune', '9', '8'],
			['Jobcenter', '•', '5'],
			['BMI/BBSR', '•', '3']
		]);
		expect(s.privacy).toMatch(/weniger als 3 Fälle/);

		const file = await openPptx(await writePptx(PptxGenJS, plan, { title: 'T' }));
		const { chart: c, xml } = await file.slide(1);
		const [s1, s2] = chartSeries(c!);
		expect(s1!.values).toEqual(new Map([[0, 9]]));
		expect(s2!.values).toEqual(
			new Map([
				[0, 8],
				[1, 5],
				[2, 3]
			])
		);
		expect(xml).toContain('aus Datenschutzgründen ausgeblendet');
		const workbook = await JSZip.loadAsync(
			await file.zip.file(Object.keys(file.zip.files).find((n) => n.endsWith('.xlsx'))!)!.async('uint8array')
		);
		const sheet = await workbook.file('xl/worksheets/sheet1.xml')!.async('string');
		const numbers = [
			...sheet.matchAll(/<c r="[A-Z]+\d+"(?: s="\d+")?>(?:<v>([^<]*)<\/v>)?<\/c>|<c r="[A-Z]+\d+"\/>/g)
		];
		expect(sheet).not.toContain('<v></v>');
		expect(
			numbers
				.map((m) => m[1])
				.filter(Boolean)
				.map(Number)
				.sort()
		).toEqual([3, 5, 8, 9]);
	});

	it('hides nothing where every cell has at least k', async () => {
		const big = { ...matrix, cells: matrix.cells.map((c) => ({ ...c, participants: c.participants + 10 })) };
		const plan = await planExport(
			input([chart('m', 'participation-by-role')], { data: async () => ({ data: big, error: null }) })
		);
		expect(plan.hidden).toBe(0);
		expect(plan.slides[0]!.kind === 'chart' && plan.slides[0]!.privacy).toBe('');
	});
});
