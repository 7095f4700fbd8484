import * as V from './synonyms';

/** Column types the loader knows how to parse from German CSV text. */
export type ColumnType = 'text' | 'number' | 'integer' | 'date' | 'boolean';

/** One column of a canonical table, with the header spellings that map to it. */
export interface ColumnDef {
	name: string;
	type: ColumnType;
	required?: boolean;
	/** Vocabulary name whose synonyms are mapped to canonical codes (see vocabulary.ts). */
	vocabulary?: VocabularyName;
	/** Value used when the column is absent from the file. */
	default?: string | number | boolean;
	/** Header spellings (compared after normalizeHeader). The column name itself always matches. */
	synonyms: string[];
	/** Personal data: never published, never leaves the browser (DESIGN.md §6). */
	personal?: boolean;
}

export type VocabularyName =
	| 'gender'
	| 'age_group'
	| 'scope'
	| 'target_type'
	| 'kind'
	| 'direction'
	| 'aggregation'
	| 'session_kind'
	| 'boolean'
	| 'value_status';

export interface TableDef {
	name: CanonicalTable;
	/** German label for the UI. */
	label: string;
	columns: ColumnDef[];
}

export type CanonicalTable =
	| 'projects'
	| 'indicators'
	| 'targets'
	| 'actuals'
	| 'sessions'
	| 'chat_groups'
	| 'participation'
	| 'feedback';

/** The canonical tables of DESIGN.md §3, in load order (referenced tables first). */
export const TABLES: TableDef[] = [
	{
		name: 'projects',
		label: 'Projekte',
		columns: [
			{ name: 'project_id', type: 'text', required: true, synonyms: V.PROJECT_ID },
			{
				name: 'name',
				type: 'text',
				required: true,
				synonyms: V.PROJECT_NAME
			},
			{
				name: 'municipality',
				type: 'text',
				synonyms: V.MUNICIPALITY
			},
			{ name: 'state', type: 'text', synonyms: V.STATE },
			{
				name: 'neighbourhood',
				type: 'text',
				synonyms: V.NEIGHBOURHOOD
			},
			{ name: 'funding_round', type: 'text', synonyms: V.FUNDING_ROUND },
			{ name: 'start_date', type: 'date', synonyms: V.START_DATE },
			{ name: 'end_date', type: 'date', synonyms: V.END_DATE }
		]
	},
	{
		name: 'indicators',
		label: 'Indikatoren',
		columns: [
			{ name: 'indicator_id', type: 'text', required: true, synonyms: V.INDICATOR_ID },
			{
				name: 'name',
				type: 'text',
				required: true,
				synonyms: V.INDICATOR_NAME
			},
			{ name: 'unit', type: 'text', synonyms: V.UNIT },
			{
				name: 'kind',
				type: 'text',
				vocabulary: 'kind',
				default: 'output',
				synonyms: V.INDICATOR_KIND
			},
			{ name: 'esf_code', type: 'text', synonyms: V.ESF_CODE },
			{
				name: 'direction',
				type: 'text',
				vocabulary: 'direction',
				default: 'up',
				synonyms: V.DIRECTION
			},
			{
				name: 'aggregation',
				type: 'text',
				vocabulary: 'aggregation',
				default: 'sum',
				synonyms: V.AGGREGATION
			}
		]
	},
	{
		name: 'targets',
		label: 'Zielwerte',
		columns: [
			{ name: 'indicator_id', type: 'text', required: true, synonyms: V.INDICATOR_REF },
			{
				name: 'scope',
				type: 'text',
				required: true,
				vocabulary: 'scope',
				default: 'programme',
				synonyms: V.SCOPE
			},
			{ name: 'scope_id', type: 'text', synonyms: V.SCOPE_ID },
			{ name: 'period_start', type: 'date', required: true, synonyms: V.PERIOD_START },
			{ name: 'period_end', type: 'date', required: true, synonyms: V.PERIOD_END },
			{
				name: 'target_value',
				type: 'number',
				required: true,
				synonyms: V.TARGET_VALUE
			},
			{
				name: 'target_type',
				type: 'text',
				vocabulary: 'target_type',
				default: 'target',
				synonyms: V.TARGET_TYPE
			},
			{
				name: 'cumulative',
				type: 'boolean',
				vocabulary: 'boolean',
				default: false,
				synonyms: V.CUMULATIVE
			}
		]
	},
	{
		name: 'actuals',
		label: 'Istwerte',
		columns: [
			{ name: 'indicator_id', type: 'text', required: true, synonyms: V.INDICATOR_REF },
			{ name: 'project_id', type: 'text', required: true, synonyms: V.PROJECT_ID },
			{ name: 'period_start', type: 'date', required: true, synonyms: V.PERIOD_START },
			{ name: 'period_end', type: 'date', required: true, synonyms: V.PERIOD_END },
			{
				name: 'value',
				type: 'number',
				synonyms: V.ACTUAL_VALUE
			},
			{ name: 'value_status', type: 'text', vocabulary: 'value_status', synonyms: V.VALUE_STATUS },
			{
				name: 'cumulative',
				type: 'boolean',
				vocabulary: 'boolean',
				default: false,
				synonyms: V.CUMULATIVE
			},
			{ name: 'gender', type: 'text', vocabulary: 'gender', synonyms: V.GENDER },
			{ name: 'age_group', type: 'text', vocabulary: 'age_group', synonyms: V.AGE_GROUP }
		]
	},
	{
		name: 'sessions',
		label: 'Veranstaltungen',
		columns: [
			{ name: 'session_id', type: 'text', required: true, synonyms: V.SESSION_ID },
			{ name: 'title', type: 'text', required: true, synonyms: V.SESSION_TITLE },
			{
				name: 'kind',
				type: 'text',
				vocabulary: 'session_kind',
				default: 'other',
				synonyms: V.SESSION_KIND
			},
			{ name: 'date', type: 'date', synonyms: V.SESSION_DATE },
			{ name: 'end_date', type: 'date', synonyms: ['enddatum', 'bis', 'datum bis'] },
			{ name: 'duration_min', type: 'integer', synonyms: ['dauer in minuten', 'dauer min', 'dauer'] },
			{ name: 'event', type: 'text', synonyms: V.SESSION_EVENT }
		]
	},
	{
		name: 'chat_groups',
		label: 'Chatgruppen',
		columns: [
			{ name: 'group_id', type: 'text', required: true, synonyms: V.GROUP_ID },
			{
				name: 'topic',
				type: 'text',
				required: true,
				synonyms: V.GROUP_TOPIC
			},
			{ name: 'session_id', type: 'text', synonyms: V.SESSION_ID }
		]
	},
	{
		name: 'participation',
		label: 'Teilnahme',
		columns: [
			{ name: 'session_id', type: 'text', required: true, synonyms: V.PARTICIPATION_SESSION },
			{ name: 'group_id', type: 'text', synonyms: V.PARTICIPATION_GROUP },
			{ name: 'municipality', type: 'text', synonyms: V.MUNICIPALITY },
			{ name: 'role', type: 'text', synonyms: V.ROLE },
			{ name: 'registered', type: 'integer', synonyms: V.REGISTERED },
			{
				name: 'participants',
				type: 'integer',
				required: true,
				synonyms: V.PARTICIPANTS
			},
			{ name: 'posts', type: 'integer', synonyms: V.POSTS }
		]
	},
	{
		name: 'feedback',
		label: 'Feedback',
		columns: [
			{ name: 'session_id', type: 'text', required: true, synonyms: V.PARTICIPATION_SESSION },
			{ name: 'question_id', type: 'text', required: true, synonyms: V.QUESTION_ID },
			{ name: 'question_text', type: 'text', synonyms: V.QUESTION_TEXT },
			{ name: 'answer', type: 'integer', required: true, synonyms: V.ANSWER },
			{ name: 'scale_min', type: 'integer', default: 1, synonyms: V.SCALE_MIN },
			{ name: 'scale_max', type: 'integer', default: 5, synonyms: V.SCALE_MAX },
			{
				name: 'higher_is_better',
				type: 'boolean',
				vocabulary: 'boolean',
				default: true,
				synonyms: V.HIGHER_IS_BETTER
			},
			{
				name: 'respondent_ref',
				type: 'text',
				personal: true,
				synonyms: V.RESPONDENT
			},
			{
				name: 'comment',
				type: 'text',
				personal: true,
				synonyms: V.COMMENT
			}
		]
	}
];

/** Looks up a canonical table definition by name. */
export function tableDef(name: CanonicalTable): TableDef {
	const def = TABLES.find((t) => t.name === name);
	if (!def) throw new Error(`Unbekannte Tabelle: ${name}`);
	return def;
}
