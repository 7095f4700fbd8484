import { describe, expect, it } from 'vitest';
import { elapsedAt, formatElapsed, STOPPED, toggleTimer } from './timer';

describe('timer', () => {
	it('runs from start, pauses, resumes', () => {
		const started = toggleTimer(STOPPED, 1_000);
		expect(elapsedAt(started, 61_000)).toBe(60_000);
		const paused = toggleTimer(started, 31_000);
		expect(elapsedAt(paused, 99_000)).toBe(30_000);
		const resumed = toggleTimer(paused, 100_000);
		expect(elapsedAt(resumed, 110_000)).toBe(40_000);
	});

	it('a stopped timer shows zero', () => {
		expect(elapsedAt(STOPPED, 123_456)).toBe(0);
	});

	it('never goes negative when the clock jumps back', () => {
		expect(elapsedAt({ runningSince: 5_000, elapsed: 0 }, 1_000)).toBe(0);
	});
});

describe('formatElapsed', () => {
	it.each([
		[0, '00:00'],
		[999, '00:00'],
		[59_000, '00:59'],
		[754_000, '12:34'],
		[3_723_000, '1:02:03'],
		[-5, '00:00']
	])('%i ms → %s', (ms, text) => {
		expect(formatElapsed(ms)).toBe(text);
	});
});
