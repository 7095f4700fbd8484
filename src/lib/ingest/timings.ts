/**
 * Times the steps of an import, one after another: `begin(name)` ends the running step (its
 * milliseconds added under its name, so a step begun again adds up) and starts `name`; `end()`
 * ends the last. For /diagnostics/ingest and the ingest bench; `running` and `interrupted` tell a
 * cancel's report which step it stopped, and whether it stopped a statement of that step while it
 * ran (rather than before the step's next statement).
 */
export interface StepTimer {
	/** Milliseconds per step, of the steps ended so far. */
	timings: Record<string, number>;
	/** The step under way; null before the first and after `end()`. */
	readonly running: string | null;
	/** The step whose running statement a cancel interrupted (see `interrupt`). */
	readonly interrupted: string | null;
	begin(name: string): void;
	end(): void;
	/** Notes that a statement of the running step was interrupted; its time so far is kept. */
	interrupt(): void;
}

/** A StepTimer; `onBegin` hears each step as it begins (the import card names it). */
export function stepTimer(onBegin?: (name: string) => void): StepTimer {
	const timings: Record<string, number> = {};
	let running: string | null = null;
	let interrupted: string | null = null;
	let mark = performance.now();
	const close = () => {
		const now = performance.now();
		if (running !== null) timings[running] = (timings[running] ?? 0) + Math.round(now - mark);
		mark = now;
	};
	return {
		timings,
		get running() {
			return running;
		},
		get interrupted() {
			return interrupted;
		},
		begin(name) {
			close();
			running = name;
			onBegin?.(name);
		},
		end() {
			close();
			running = null;
		},
		interrupt() {
			interrupted ??= running;
			close();
		}
	};
}
