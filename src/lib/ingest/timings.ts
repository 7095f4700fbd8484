/**
 * Times consecutive steps of an import: each `step(name)` records the milliseconds since the
 * previous step (or the start) under `name`, for /diagnostics/ingest and the ingest bench.
 */
export function stepTimer(): { timings: Record<string, number>; step: (name: string) => void } {
	const timings: Record<string, number> = {};
	let mark = performance.now();
	return {
		timings,
		step(name) {
			const now = performance.now();
			timings[name] = Math.round(now - mark);
			mark = now;
		}
	};
}
