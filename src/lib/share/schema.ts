import { Float64, Utf8, type DataType } from 'apache-arrow';

/** The parts of a dashboard an analyst can publish; each becomes a set of cube cells. */
export const CUBE_VIEWS = ['overview', 'attainment-by-indicator', 'participation', 'feedback'] as const;
export type CubeView = (typeof CUBE_VIEWS)[number];

/**
 * One aggregated cell of the published cube. The same flat shape serves every view:
 * - overview: dim1 = figure (projects, municipalities, states, participants, enterprises), value;
 * - attainment-by-indicator: dim1 = indicator id, label1 = name, unit, code = ESF code, value =
 *   actual, target, ratio = attainment, projects, as_of;
 * - participation: dim1 = session id, label1 = title, dim2 = role (null = all roles), value =
 *   participants, target = registered, as_of = session date;
 * - feedback: dim1 = session/question, label1 = question text, dim2 = answer (null = all answers),
 *   value = answers, unit = scale "min–max", code = "up"/"down" (is a higher answer better).
 * n is the number of units (persons, enterprises, answers, projects) behind the cell; a suppressed
 * cell carries no value, target, ratio or n.
 */
export interface CubeCell {
	view: CubeView;
	dim1: string;
	dim2: string | null;
	label1: string | null;
	label2: string | null;
	unit: string | null;
	code: string | null;
	value: number | null;
	target: number | null;
	ratio: number | null;
	n: number | null;
	projects: number | null;
	as_of: string | null;
	suppressed: 'primary' | 'secondary' | null;
}

/** The exact Arrow schema of a payload, in order. The server refuses anything else. */
export const CUBE_COLUMNS: { name: keyof CubeCell; type: DataType; nullable: boolean }[] = [
	{ name: 'view', type: new Utf8(), nullable: false },
	{ name: 'dim1', type: new Utf8(), nullable: false },
	{ name: 'dim2', type: new Utf8(), nullable: true },
	{ name: 'label1', type: new Utf8(), nullable: true },
	{ name: 'label2', type: new Utf8(), nullable: true },
	{ name: 'unit', type: new Utf8(), nullable: true },
	{ name: 'code', type: new Utf8(), nullable: true },
	{ name: 'value', type: new Float64(), nullable: true },
	{ name: 'target', type: new Float64(), nullable: true },
	{ name: 'ratio', type: new Float64(), nullable: true },
	{ name: 'n', type: new Float64(), nullable: true },
	{ name: 'projects', type: new Float64(), nullable: true },
	{ name: 'as_of', type: new Utf8(), nullable: true },
	{ name: 'suppressed', type: new Utf8(), nullable: true }
];

/** A filter value as the stakeholder reads it: ids alone (BQ-19-001, CO01) mean little to them. */
export interface CubeFilterValue {
	id: string;
	name: string;
}

/**
 * The dashboard filters a cube was built for, so the shared view can say which part of the
 * programme it shows (e.g. one municipality's view). Empty lists and nulls mean "not filtered".
 */
export interface CubeFilters {
	periodFrom: string | null;
	periodTo: string | null;
	states: string[];
	municipalities: string[];
	projects: CubeFilterValue[];
	indicators: CubeFilterValue[];
}

/** Metadata carried in the Arrow schema: what the stakeholder sees above the charts. */
export interface CubeMeta {
	title: string;
	k: number;
	views: CubeView[];
	/** Latest reported period end of the data, ISO date. */
	asOf: string | null;
	/** First reported period start of the data, ISO date (absent in older shares). */
	since?: string | null;
	/** Absent in shares published before filters could be published: the whole programme. */
	filters?: CubeFilters;
}

/** The most cells one share may hold (checked in the payload's header, before decoding). */
export const MAX_CELLS = 20_000;

/** The smallest k anyone may publish with (DESIGN.md §6 default). */
export const MIN_K = 3;

/**
 * Columns of the canonical tables that hold person-level or free-text data. A payload naming any of
 * them (as a column or in its metadata keys) is refused outright, whatever else it contains.
 */
export const ROW_LEVEL_COLUMNS = [
	'respondent_ref',
	'comment',
	'_source_file',
	'_source_line',
	'answer',
	'participant_id',
	'person_id',
	'name_person',
	'email'
];
