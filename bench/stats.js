// Small statistics helpers for benchmark scenarios.

/** The q-quantile (0..1) of numbers, by nearest rank. */
export function quantile(values, q) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Median, min and max, rounded to 0.1. */
export function summary(values) {
	const round = (x) => Math.round(x * 10) / 10;
	return {
		median: round(quantile(values, 0.5)),
		min: round(Math.min(...values)),
		max: round(Math.max(...values)),
		n: values.length
	};
}
