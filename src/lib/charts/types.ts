import type { Translate } from '../i18n';
import type { Attainment, AttainmentDimension, BreakdownRow, Retention, Trajectory } from '../metrics';
import type { Formatters } from './format';

/** What every chart component receives: its data, formatters, messages, and optional interaction. */
export interface ChartProps<T> {
	data: T;
	fmt: Formatters;
	t: Translate;
	/** A bar was chosen (by click or from the table): its key (indicator id, municipality, …). */
	onselect?: (key: string) => void;
	/** Keys currently selected by the page's filters; drawn highlighted. */
	selected?: string[];
}

/** The indicator a single-indicator chart is about. */
export interface IndicatorLabel {
	indicatorId: string;
	name: string;
	esfCode: string | null;
	unit: string | null;
}

/** Attainment of one indicator per municipality, project or Land. */
export interface RankingData {
	by: Exclude<AttainmentDimension, 'indicator'>;
	indicator: IndicatorLabel | null;
	rows: Attainment[];
	/** Bars drawn at most (best first): thousands of bars make a canvas too tall to draw or read. */
	limit?: number;
}

export interface TrajectoryData {
	indicator: IndicatorLabel | null;
	trajectory: Trajectory | null;
}

export interface BreakdownData {
	indicator: IndicatorLabel | null;
	rows: BreakdownRow[];
}

/** Sessions of the event, in date order, for charts that show one series per session. */
export interface SessionRef {
	sessionId: string;
	title: string;
	date: string | null;
}

/** Participants per role or municipality and session. */
export interface MatrixData {
	by: 'role' | 'municipality';
	sessions: SessionRef[];
	cells: { key: string; sessionId: string; participants: number }[];
	/** Show only the largest keys (municipalities). */
	limit?: number;
}

export interface RetentionData {
	rows: Retention[];
	kickoff: SessionRef | null;
	closing: SessionRef | null;
}
