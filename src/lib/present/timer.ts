/** The speaker's stopwatch: runs from the first start, can pause, survives re-renders as plain data. */
export interface Timer {
	/** When the current run started (ms since epoch), or null while paused. */
	runningSince: number | null;
	/** Time of earlier runs, ms. */
	elapsed: number;
}

export const STOPPED: Timer = { runningSince: null, elapsed: 0 };

/** Elapsed milliseconds at `now`. */
export function elapsedAt(timer: Timer, now: number): number {
	return timer.elapsed + (timer.runningSince === null ? 0 : Math.max(0, now - timer.runningSince));
}

/** Starts a paused timer, pauses a running one. */
export function toggleTimer(timer: Timer, now: number): Timer {
	return timer.runningSince === null
		? { ...timer, runningSince: now }
		: { runningSince: null, elapsed: elapsedAt(timer, now) };
}

/** 754 s → "12:34", 3723 s → "1:02:03". */
export function formatElapsed(ms: number): string {
	const total = Math.floor(Math.max(0, ms) / 1000);
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	const two = (n: number) => String(n).padStart(2, '0');
	return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}
