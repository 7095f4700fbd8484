/** Goal-attainment status (DESIGN.md §5); never shown by colour alone. */
export type AttainmentStatus = 'achieved' | 'on_track' | 'behind' | 'no_target';

/** Attainment ratios (1 = 100 %) at which a status starts. */
export interface Thresholds {
	achieved: number;
	onTrack: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { achieved: 1, onTrack: 0.8 };

/**
 * Status of an attainment ratio. `null` attainment (no target, or nothing to divide by) is
 * 'no_target': such indicators show no attainment, neither 0 % nor ∞.
 */
export function attainmentStatus(
	attainment: number | null,
	thresholds: Thresholds = DEFAULT_THRESHOLDS
): AttainmentStatus {
	if (attainment === null || !Number.isFinite(attainment)) return 'no_target';
	if (attainment >= thresholds.achieved) return 'achieved';
	if (attainment >= thresholds.onTrack) return 'on_track';
	return 'behind';
}

/** The thresholds of one indicator: its own where configured, else the defaults. */
export function thresholdsFor(indicatorId: string, perIndicator: Record<string, Thresholds>): Thresholds {
	return perIndicator[indicatorId] ?? DEFAULT_THRESHOLDS;
}

/** Indicators per status, in a fixed order (achieved first), for the status distribution. */
export function statusDistribution<T extends { indicatorId: string; status: AttainmentStatus }>(
	rows: T[]
): { status: AttainmentStatus; count: number; indicators: string[] }[] {
	return (['achieved', 'on_track', 'behind', 'no_target'] as const).map((status) => {
		const indicators = rows.filter((r) => r.status === status).map((r) => r.indicatorId);
		return { status, count: indicators.length, indicators };
	});
}
