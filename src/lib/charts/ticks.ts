import type { Scale } from 'chart.js';

/**
 * Value-axis ticks that read well: a round step (1, 2, 2.5 or 5 × 10ⁿ; whole numbers for counts),
 * from 0 to a top tick that is itself a multiple of the step and at least the largest value.
 * Chart.js's own ticks end at the data's maximum ("104", "6.594,9") and split counts into halves
 * that a whole-number format shows twice ("4, 4, 3, 3").
 */
export interface NiceTicks {
	max: number;
	step: number;
}

const STEPS = [1, 2, 2.5, 5, 10];

/**
 * Ticks for values up to `max` with about `count` intervals (fewer on a short or narrow axis).
 * `integer`: every tick a whole number (counts of indicators, participants, answers).
 */
export function niceTicks(max: number, count = 5, integer = false): NiceTicks {
	const intervals = Math.max(1, Math.floor(count));
	const top = Number.isFinite(max) && max > 0 ? max : 1;
	const raw = top / intervals;
	const magnitude = 10 ** Math.floor(Math.log10(raw));
	let step = magnitude * STEPS.find((s) => s * magnitude >= raw - 1e-9)!;
	// Whole-number steps: 2,5 would give ticks like 7,5, so it becomes 2; under 1 becomes 1.
	if (integer) step = Math.max(1, step === 2.5 ? 2 : Math.round(step));
	const steps = Math.ceil(top / step - 1e-9);
	const niceMax = Number((steps * step).toPrecision(12));
	return { max: niceMax, step };
}

/** How many intervals an axis `length` px long has room for: one per `spacing` px, 2 to 10. */
export function tickCount(length: number, spacing: number): number {
	return Math.max(2, Math.min(10, Math.floor(length / spacing)));
}

/**
 * Replaces Chart.js's ticks of a value axis by round ones (ticks.ts): as many as the axis's length
 * has room for, so a narrow chart gets fewer, and a top tick that is a round number.
 */
export function roundTicks(max: number, integer: boolean) {
	return (scale: Scale) => {
		const horizontal = scale.isHorizontal();
		// A tick label on a horizontal axis ("6.000", "100 %") needs more room than one line of text.
		const count = tickCount(horizontal ? scale.width : scale.height, horizontal ? 70 : 40);
		const ticks = niceTicks(max, count, integer);
		scale.max = ticks.max;
		scale.ticks = Array.from({ length: Math.round(ticks.max / ticks.step) + 1 }, (_, i) => ({
			value: Number((i * ticks.step).toPrecision(12))
		}));
	};
}
