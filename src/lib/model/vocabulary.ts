import type { VocabularyName } from './tables';

/**
 * Value vocabularies: canonical code → the spellings found in German exports.
 * Matching is on normalizeHeader(value); a code always matches itself.
 * A `null` code means "total" (e.g. gender "insgesamt"): the row is the total over that dimension.
 */
export const VOCABULARIES: Record<VocabularyName, Record<string, string[]>> = {
	gender: {
		w: ['weiblich', 'frauen', 'frau', 'f', 'female'],
		m: ['männlich', 'maennlich', 'männer', 'mann', 'male'],
		d: ['divers', 'nicht-binär', 'non-binary', 'x']
	},
	age_group: {
		'<25': ['unter 25', 'u25', 'unter 25 jahre', 'bis 24', '< 25', '15-24'],
		'25-54': ['25 bis 54', '25-54 jahre', '25 - 54', '25 bis 54 jahre'],
		'>54': ['über 54', 'ueber 54', '55 und älter', 'ab 55', '> 54', '55+']
	},
	scope: {
		programme: ['programm', 'programmebene', 'gesamt', 'bund'],
		project: ['projekt', 'teilprojekt', 'vorhaben'],
		municipality: ['kommune', 'gemeinde', 'stadt']
	},
	target_type: {
		target: ['zielwert', 'ziel', 'soll', 'sollwert', 'sollvorgabe'],
		milestone: ['etappenziel', 'meilenstein', 'zwischenziel'],
		baseline: ['ausgangswert', 'basiswert', 'referenzwert']
	},
	kind: {
		output: ['output', 'outputindikator', 'ergebnis der durchführung'],
		result: ['ergebnis', 'ergebnisindikator', 'result', 'wirkung']
	},
	direction: {
		up: ['steigend', 'höher ist besser', 'mehr', 'aufwärts'],
		down: ['fallend', 'niedriger ist besser', 'weniger', 'abwärts']
	},
	aggregation: {
		sum: ['summe', 'summiert', 'addiert'],
		mean: ['mittelwert', 'durchschnitt', 'quote'],
		last: ['letzter wert', 'bestand', 'stichtag']
	},
	session_kind: {
		kickoff: ['auftakt', 'auftaktwerkstatt', 'auftaktveranstaltung', 'kick-off'],
		chat: ['chatphase', 'chat', 'chatgruppe', 'chatkanal'],
		workshop: ['workshop', 'ag', 'arbeitsgruppe', 'werkstatt'],
		closing: ['abschluss', 'abschlusswerkstatt', 'abschlussveranstaltung']
	},
	boolean: {
		true: ['ja', 'j', 'wahr', 'yes', 'y', '1', 'x'],
		false: ['nein', 'n', 'falsch', 'no', '0']
	},
	value_status: {
		ok: ['gültig', 'gueltig'],
		zero: ['null'],
		missing: ['fehlt', 'keine angabe'],
		suppressed: ['geheim', 'gesperrt', 'anonymisiert'],
		not_applicable: ['entfällt', 'entfaellt', 'nicht zutreffend']
	}
};

/** Spellings that mean "total over this dimension" (stored as NULL). */
export const TOTAL_SPELLINGS = ['insgesamt', 'gesamt', 'summe', 'alle', 'total'];

/**
 * Placeholder markers of German statistics (DIN 55301, BA, agency practice) → value_status.
 * They are not errors: the value becomes NULL (or 0 for "-") and is counted separately.
 */
export const PLACEHOLDERS: Record<
	string,
	{ status: 'zero' | 'missing' | 'suppressed' | 'not_applicable'; value: 0 | null }
> = {
	'-': { status: 'zero', value: 0 },
	'–': { status: 'zero', value: 0 },
	'.': { status: 'suppressed', value: null },
	'*': { status: 'suppressed', value: null },
	x: { status: 'not_applicable', value: null },
	'/': { status: 'missing', value: null },
	'…': { status: 'missing', value: null },
	'...': { status: 'missing', value: null },
	'k.a.': { status: 'missing', value: null },
	'k. a.': { status: 'missing', value: null },
	'n.v.': { status: 'missing', value: null },
	'#nv': { status: 'missing', value: null },
	'': { status: 'missing', value: null }
};
