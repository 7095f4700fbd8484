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

const PERIOD_START = [
	'zeitraum von',
	'von',
	'beginn',
	'periode von',
	'berichtszeitraum von',
	'period start',
	// One column naming the whole period ("Q3/2021", "2021", "03/2021"): it gives both ends.
	'zeitraum',
	'periode',
	'berichtszeitraum',
	'quartal',
	'berichtsquartal',
	'monat',
	'berichtsmonat',
	'jahr',
	'berichtsjahr'
];
const PERIOD_END = [
	'zeitraum bis',
	'bis',
	'ende',
	'periode bis',
	'berichtszeitraum bis',
	'stichtag',
	'period end'
];
const INDICATOR_ID = [
	'indikator-id',
	'indikator id',
	'indikator-nr.',
	'indikator',
	'kennziffer',
	'indikatorcode'
];
const PROJECT_ID = [
	'projekt-nr.',
	'projekt-id',
	'projektnummer',
	'teilprojekt-nr.',
	'vorhaben-nr.',
	'projekt'
];
const SESSION_ID = ['veranstaltungs-id', 'session-id', 'termin-id', 'veranstaltung-id', 'sitzung'];

/** The canonical tables of DESIGN.md §3, in load order (referenced tables first). */
export const TABLES: TableDef[] = [
	{
		name: 'projects',
		label: 'Projekte',
		columns: [
			{ name: 'project_id', type: 'text', required: true, synonyms: PROJECT_ID },
			{
				name: 'name',
				type: 'text',
				required: true,
				synonyms: ['projektname', 'projekttitel', 'titel', 'bezeichnung', 'name']
			},
			{
				name: 'municipality',
				type: 'text',
				synonyms: ['kommune', 'gemeinde', 'stadt', 'kreis', 'landkreis', 'ort']
			},
			{ name: 'state', type: 'text', synonyms: ['bundesland', 'land', 'state'] },
			{
				name: 'neighbourhood',
				type: 'text',
				synonyms: ['quartier', 'quartiere', 'programmgebiet', 'stadtteil']
			},
			{ name: 'funding_round', type: 'text', synonyms: ['förderrunde', 'foerderrunde', 'runde'] },
			{ name: 'start_date', type: 'date', synonyms: ['projektbeginn', 'beginn', 'laufzeit von', 'start'] },
			{ name: 'end_date', type: 'date', synonyms: ['projektende', 'ende', 'laufzeit bis'] }
		]
	},
	{
		name: 'indicators',
		label: 'Indikatoren',
		columns: [
			{ name: 'indicator_id', type: 'text', required: true, synonyms: INDICATOR_ID },
			{
				name: 'name',
				type: 'text',
				required: true,
				synonyms: ['bezeichnung', 'indikatorname', 'kennzahl', 'name']
			},
			{ name: 'unit', type: 'text', synonyms: ['einheit', 'maßeinheit', 'masseinheit'] },
			{
				name: 'kind',
				type: 'text',
				vocabulary: 'kind',
				default: 'output',
				synonyms: ['art', 'typ', 'indikatorart']
			},
			{ name: 'esf_code', type: 'text', synonyms: ['esf-code', 'esf code', 'code'] },
			{
				name: 'direction',
				type: 'text',
				vocabulary: 'direction',
				default: 'up',
				synonyms: ['richtung', 'zielrichtung']
			},
			{
				name: 'aggregation',
				type: 'text',
				vocabulary: 'aggregation',
				default: 'sum',
				synonyms: ['aggregation', 'verdichtung']
			}
		]
	},
	{
		name: 'targets',
		label: 'Zielwerte',
		columns: [
			{ name: 'indicator_id', type: 'text', required: true, synonyms: INDICATOR_ID },
			{
				name: 'scope',
				type: 'text',
				required: true,
				vocabulary: 'scope',
				default: 'programme',
				synonyms: ['ebene', 'bezugsebene']
			},
			{ name: 'scope_id', type: 'text', synonyms: ['bezug', 'bezugs-id', 'projekt-nr.', 'kommune'] },
			{ name: 'period_start', type: 'date', required: true, synonyms: PERIOD_START },
			{ name: 'period_end', type: 'date', required: true, synonyms: PERIOD_END },
			{
				name: 'target_value',
				type: 'number',
				required: true,
				synonyms: ['zielwert', 'soll', 'sollwert', 'plan', 'planwert', 'ziel']
			},
			{
				name: 'target_type',
				type: 'text',
				vocabulary: 'target_type',
				default: 'target',
				synonyms: ['zielart', 'art des zielwerts', 'wertart']
			},
			{
				name: 'cumulative',
				type: 'boolean',
				vocabulary: 'boolean',
				default: false,
				synonyms: ['kumuliert', 'kumulativ']
			}
		]
	},
	{
		name: 'actuals',
		label: 'Istwerte',
		columns: [
			{ name: 'indicator_id', type: 'text', required: true, synonyms: INDICATOR_ID },
			{ name: 'project_id', type: 'text', required: true, synonyms: PROJECT_ID },
			{ name: 'period_start', type: 'date', required: true, synonyms: PERIOD_START },
			{ name: 'period_end', type: 'date', required: true, synonyms: PERIOD_END },
			{
				name: 'value',
				type: 'number',
				synonyms: ['istwert', 'ist', 'ist-wert', 'wert', 'anzahl', 'erreicht']
			},
			{ name: 'value_status', type: 'text', vocabulary: 'value_status', synonyms: ['wertstatus', 'status'] },
			{
				name: 'cumulative',
				type: 'boolean',
				vocabulary: 'boolean',
				default: false,
				synonyms: ['kumuliert', 'kumulativ']
			},
			{ name: 'gender', type: 'text', vocabulary: 'gender', synonyms: ['geschlecht', 'gender'] },
			{ name: 'age_group', type: 'text', vocabulary: 'age_group', synonyms: ['altersgruppe', 'alter'] }
		]
	},
	{
		name: 'sessions',
		label: 'Veranstaltungen',
		columns: [
			{ name: 'session_id', type: 'text', required: true, synonyms: SESSION_ID },
			{ name: 'title', type: 'text', required: true, synonyms: ['titel', 'programmpunkt', 'bezeichnung'] },
			{
				name: 'kind',
				type: 'text',
				vocabulary: 'session_kind',
				default: 'other',
				synonyms: ['art', 'format', 'typ']
			},
			{ name: 'date', type: 'date', synonyms: ['datum', 'termin'] },
			{ name: 'end_date', type: 'date', synonyms: ['enddatum', 'bis'] },
			{ name: 'duration_min', type: 'integer', synonyms: ['dauer (min.)', 'dauer', 'dauer in minuten'] },
			{ name: 'event', type: 'text', synonyms: ['veranstaltung', 'veranstaltungsreihe', 'werkstatt'] }
		]
	},
	{
		name: 'chat_groups',
		label: 'Chatgruppen',
		columns: [
			{ name: 'group_id', type: 'text', required: true, synonyms: ['gruppen-id', 'gruppe', 'kanal-id'] },
			{
				name: 'topic',
				type: 'text',
				required: true,
				synonyms: ['thema', 'chatgruppe', 'chatkanal', 'themengruppe']
			},
			{ name: 'session_id', type: 'text', synonyms: SESSION_ID }
		]
	},
	{
		name: 'participation',
		label: 'Teilnahme',
		columns: [
			{ name: 'session_id', type: 'text', required: true, synonyms: SESSION_ID },
			{ name: 'group_id', type: 'text', synonyms: ['gruppen-id', 'chatgruppe', 'kanal-id'] },
			{ name: 'municipality', type: 'text', synonyms: ['kommune', 'gemeinde', 'stadt'] },
			{ name: 'role', type: 'text', synonyms: ['rolle', 'institution', 'vertreter*innen von'] },
			{ name: 'registered', type: 'integer', synonyms: ['angemeldet', 'anmeldungen', 'registrierungen'] },
			{
				name: 'participants',
				type: 'integer',
				required: true,
				synonyms: ['teilnehmende', 'tn', 'anwesende', 'teilnehmer']
			},
			{ name: 'posts', type: 'integer', synonyms: ['beiträge', 'beitraege', 'nachrichten', 'posts'] }
		]
	},
	{
		name: 'feedback',
		label: 'Feedback',
		columns: [
			{ name: 'session_id', type: 'text', required: true, synonyms: SESSION_ID },
			{ name: 'question_id', type: 'text', required: true, synonyms: ['frage-nr.', 'frage-id', 'item'] },
			{ name: 'question_text', type: 'text', synonyms: ['frage', 'fragetext', 'aussage'] },
			{ name: 'answer', type: 'integer', required: true, synonyms: ['antwort', 'bewertung', 'wert', 'note'] },
			{ name: 'scale_min', type: 'integer', default: 1, synonyms: ['skala min', 'skala von', 'minimum'] },
			{ name: 'scale_max', type: 'integer', default: 5, synonyms: ['skala max', 'skala bis', 'maximum'] },
			{
				name: 'higher_is_better',
				type: 'boolean',
				vocabulary: 'boolean',
				default: true,
				synonyms: ['höher ist besser', 'hoeher ist besser']
			},
			{
				name: 'respondent_ref',
				type: 'text',
				personal: true,
				synonyms: ['bogen-nr.', 'fragebogen-nr.', 'antwort-nr.', 'lfd. nr.']
			},
			{
				name: 'comment',
				type: 'text',
				personal: true,
				synonyms: ['kommentar', 'anmerkung', 'anmerkungen', 'freitext']
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
