import { describe, expect, it } from 'vitest';
import { chartPixelRatio, fitStage, STAGE } from './stage';

describe('fitStage', () => {
	it.each([
		['1080p', 1920, 1080, { scale: 2, x: 0, y: 0 }],
		['4K', 3840, 2160, { scale: 4, x: 0, y: 0 }],
		[
			'4:3 projector (letterboxed top and bottom)',
			1024,
			768,
			{ scale: 1024 / 960, x: 0, y: (768 - 576) / 2 }
		],
		['ultra-wide (pillarboxed)', 2560, 1080, { scale: 2, x: (2560 - 1920) / 2, y: 0 }],
		['the logical size itself', STAGE.width, STAGE.height, { scale: 1, x: 0, y: 0 }],
		['an unmeasured box', 0, 0, { scale: 1, x: 0, y: 0 }]
	])('%s', (_, w, h, expected) => {
		const fit = fitStage(w, h);
		expect(fit.scale).toBeCloseTo(expected.scale, 9);
		expect(fit.x).toBeCloseTo(expected.x, 9);
		expect(fit.y).toBeCloseTo(expected.y, 9);
	});
});

describe('chartPixelRatio', () => {
	it.each([
		['1080p screen, DPR 1', 1, 2, 2],
		['4K screen, DPR 1', 1, 4, 4],
		['4K screen at DPR 2 (1920 × 1080 CSS px)', 2, 2, 4],
		['a small preview never goes below 1', 1, 0.3, 1],
		['an absurd window is capped', 3, 6, 8],
		['a missing DPR counts as 1', 0, 2, 2]
	])('%s', (_, dpr, scale, expected) => {
		expect(chartPixelRatio(dpr, scale)).toBeCloseTo(expected, 9);
	});
});
