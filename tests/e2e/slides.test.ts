import { expect, test, type Page } from '@playwright/test';

/**
 * Slides readable at any length (issue 21.2): a 70-bar ranking on a 16:9 slide shows its best and
 * worst bars with the rest counted, and its labels, measured as drawn, neither overlap nor run
 * off the canvas; → after the last slide shows the end screen.
 */

// The analyst tab starts its engine and the presentation loads three rankings: on a busy machine
// that takes longer than the default minute.
test.setTimeout(240_000);

const NO_FILTERS = {
	periodFrom: null,
	periodTo: null,
	states: [],
	municipalities: [],
	projects: [],
	indicators: [],
	gender: null,
	ageGroup: null
};

const chartSlide = (id: string, viewId: string, extra: Record<string, unknown> = {}) => ({
	kind: 'chart',
	id,
	viewId,
	filters: NO_FILTERS,
	linked: false,
	title: '',
	notes: '',
	...extra
});

/** Puts a deck into the browser's storage, as the deck editor keeps it. */
async function storeDeck(page: Page, slides: unknown[]) {
	const deck = { id: 'slides-e2e', title: 'Lange Rangfolgen', updatedAt: '2026-12-04T00:00:00Z', slides };
	await page.evaluate(
		(d) => localStorage.setItem('wirkung.decks.v1', JSON.stringify({ activeId: d.id, decks: [d] })),
		deck
	);
}

interface LabelBox {
	text: string;
	top: number;
	bottom: number;
	left: number;
	right: number;
}

/**
 * The category labels of a horizontal bar chart as Chart.js drew them: each label's box from its
 * position, line height and measured width, and the canvas's width in the same (CSS) pixels.
 */
function labelBoxes(canvas: HTMLCanvasElement): { boxes: LabelBox[]; width: number; bars: number } {
	type Item = {
		label: string | string[];
		font: { string: string; lineHeight: number };
		textOffset: number;
		options: { translation: [number, number]; textAlign: string };
	};
	const chart = (
		canvas as unknown as {
			wirkungChart: {
				chartArea: unknown;
				width: number;
				data: { labels: unknown[] };
				scales: { y: { getLabelItems(area: unknown): Item[] } };
			};
		}
	).wirkungChart;
	const context = document.createElement('canvas').getContext('2d')!;
	const boxes = chart.scales.y.getLabelItems(chart.chartArea).map((item) => {
		const lines = [item.label].flat();
		context.font = item.font.string;
		const width = Math.max(...lines.map((l) => context.measureText(l).width));
		const [x, y] = item.options.translation;
		const top = y + item.textOffset - item.font.lineHeight / 2;
		const left =
			item.options.textAlign === 'right'
				? x - width
				: item.options.textAlign === 'center'
					? x - width / 2
					: x;
		return {
			text: lines.join(' '),
			top,
			bottom: top + lines.length * item.font.lineHeight,
			left,
			right: left + width
		};
	});
	return { boxes, width: chart.width, bars: chart.data.labels.length };
}

function expectReadable(measured: { boxes: LabelBox[]; width: number; bars: number }) {
	const { boxes, width, bars } = measured;
	// Every bar has its label (Chart.js skipped none), …
	expect(boxes).toHaveLength(bars);
	for (const [i, box] of boxes.entries()) {
		// … inside the canvas, …
		expect(box.left, box.text).toBeGreaterThanOrEqual(0);
		expect(box.right, box.text).toBeLessThanOrEqual(width);
		// … and clear of the next one.
		const next = boxes[i + 1];
		if (next) expect(next.top, `${box.text} / ${next.text}`).toBeGreaterThanOrEqual(box.bottom - 0.5);
	}
}

for (const [width, height] of [
	[1280, 720],
	[1920, 1080]
] as const) {
	test(`a 70-bar ranking on a slide at ${width}×${height}: best and worst, labels apart`, async ({
		context
	}) => {
		const analyst = await context.newPage();
		await analyst.goto('/');
		await expect(analyst.locator('figure[data-chart] canvas[data-rendered="true"]').first()).toBeVisible({
			timeout: 90_000
		});
		await storeDeck(analyst, [
			chartSlide('projects', 'attainment-by-project'),
			chartSlide('municipalities', 'attainment-by-municipality', { rows: { top: 14, bottom: 6 } }),
			chartSlide('feedback', 'feedback-by-question')
		]);
		const present = await context.newPage();
		await present.setViewportSize({ width, height });
		await present.goto('/present');

		const projects = present.locator('[data-slide="projects"]');
		await expect(projects).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
		const canvas = projects.locator('canvas[data-rendered="true"]');
		await expect(canvas).toBeVisible();
		const measured = await canvas.evaluate(labelBoxes);
		// 10 best, the gap, 10 worst of 70 projects with a target.
		expect(measured.bars).toBe(21);
		expect(measured.boxes[10]!.text).toBe('… 50 weitere');
		expectReadable(measured);
		await expect(projects.locator('[data-omitted]')).toContainText('50 dazwischen');
		// The slide's table keeps the full names of the bars drawn.
		await expect(projects.locator('tbody tr')).toHaveCount(20);
		await present.screenshot({ path: `test-results/screenshots/slide-ranking-${width}x${height}.png` });

		// A slide set to 14 + 6 in the deck editor (20 is the most): still readable.
		await present.keyboard.press('ArrowRight');
		const municipalities = present.locator('[data-slide="municipalities"]');
		await expect(municipalities).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
		const many = await municipalities.locator('canvas[data-rendered="true"]').evaluate(labelBoxes);
		expect(many.bars).toBe(21);
		expect(many.boxes[14]!.text).toBe('… 35 weitere');
		expectReadable(many);
		await present.screenshot({ path: `test-results/screenshots/slide-ranking-30-${width}x${height}.png` });

		// Long questions wrap instead of being cut at the slide's edge.
		await present.keyboard.press('ArrowRight');
		const feedback = present.locator('[data-slide="feedback"]');
		await expect(feedback).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
		expectReadable(await feedback.locator('canvas[data-rendered="true"]').evaluate(labelBoxes));

		// → on the last slide: the end screen; ← goes back.
		await expect(present.locator('[data-end-screen]')).toHaveCount(0);
		await present.keyboard.press('ArrowRight');
		await expect(present.locator('[data-end-screen]')).toContainText('Ende der Präsentation');
		await expect(present.locator('[data-present="audience"]')).toHaveAttribute('data-index', '3');
		await present.keyboard.press('ArrowLeft');
		await expect(present.locator('[data-end-screen]')).toHaveCount(0);
		await expect(feedback).toBeVisible();
	});
}
