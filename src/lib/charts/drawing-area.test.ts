import { describe, expect, test } from 'vitest';
import { drawingArea, withSpareBelow } from './drawing-area';

describe('drawingArea', () => {
	test.each([
		// current, wanted → canvas, spare, resized
		[null, 300, 300, 0, true],
		[300, 300, 300, 0, false],
		[1990, 200, 1990, 1790, false],
		[200, 1990, 1990, 0, true],
		[1990, 1990, 1990, 0, false],
		[1990, null, null, 0, true],
		[null, null, null, 0, false]
	] as const)(
		'%s px canvas, %s px wanted → %s px, %s spare, resized %s',
		(current, wanted, canvas, spare, resized) => {
			expect(drawingArea(current, wanted)).toEqual({ canvas, spare, resized });
		}
	);
});

describe('withSpareBelow', () => {
	test.each([
		['no layout', {}, 100, { layout: { padding: { top: 0, right: 0, bottom: 100, left: 0 } } }],
		[
			'number padding',
			{ layout: { padding: 4 } },
			10,
			{ layout: { padding: { top: 4, right: 4, bottom: 14, left: 4 } } }
		],
		[
			'side padding',
			{ layout: { padding: { right: 8 } } },
			50,
			{ layout: { padding: { right: 8, bottom: 50 } } }
		],
		[
			'bottom padding added to',
			{ layout: { padding: { bottom: 5, top: 20 } } },
			50,
			{ layout: { padding: { top: 20, bottom: 55 } } }
		],
		['nothing spare', { layout: { padding: 4 } }, 0, { layout: { padding: 4 } }]
	])('%s', (_, options, spare, expected) => {
		expect(withSpareBelow(options, spare)).toEqual(expected);
	});

	test('keeps the other options and leaves the given ones untouched', () => {
		const options = { animation: false as const, layout: { padding: { right: 8 } } };
		const result = withSpareBelow(options, 30);
		expect(result).toEqual({ animation: false, layout: { padding: { right: 8, bottom: 30 } } });
		expect(options.layout.padding).toEqual({ right: 8 });
	});
});
