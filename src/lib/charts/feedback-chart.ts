import type { QuestionFeedback } from '../metrics';
import { plottedPercent } from './format';

/**
 * Shares of the answers of a question from the best category to the worst (the scale turned
 * round where lower is better), as plotted percentages with one decimal.
 */
export function rankShares(q: Pick<QuestionFeedback, 'distribution' | 'n' | 'higherIsBetter'>): number[] {
	if (q.n === 0) return q.distribution.map(() => 0);
	const ordered = q.higherIsBetter ? [...q.distribution].reverse() : q.distribution;
	return ordered.map((count) => plottedPercent(count / q.n));
}

/** Answer value of each rank (best first), for the table. */
export function rankValues(q: Pick<QuestionFeedback, 'scaleMin' | 'scaleMax' | 'higherIsBetter'>): number[] {
	const values = Array.from({ length: Math.max(0, q.scaleMax - q.scaleMin + 1) }, (_, i) => q.scaleMin + i);
	return q.higherIsBetter ? values.reverse() : values;
}
