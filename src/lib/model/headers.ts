import { KNOWN_EXTRA } from './synonyms';
import { TABLES, type CanonicalTable, type ColumnDef } from './tables';

/**
 * Normalises a header or vocabulary value for synonym matching: case-, umlaut-, and
 * whitespace-insensitive ("Förderrunde " → "foerderrunde", "Projekt-Nr." → "projekt-nr.").
 * Vocabulary values are matched on this (ingest/typing.ts does the same in SQL).
 */
export function normalizeHeader(raw: string): string {
	return raw
		.replace(/^\uFEFF/, '')
		.trim()
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.replace(/\s+/g, ' ');
}

/**
 * The key a header is matched on: normalizeHeader, without a trailing bracket ("Antwort (1-5)",
 * "Dauer (Min.)", "Anzahl [Personen]") and with punctuation as spaces ("Indikator-Nr." →
 * "indikator nr", "ESF+-Code" → "esf code"), so other tools' spellings meet ours.
 */
export function headerKey(raw: string): string {
	const base = normalizeHeader(raw);
	const bare = base.replace(/\s*[([][^()[\]]*[)\]]\s*$/, '');
	return (bare || base)
		.replace(/[-_./:#+,;'"()[\]]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** How well a header fits a column: 0 = its name, 1 + i = its i-th synonym; null = no fit. */
export function headerRank(header: string, column: ColumnDef): number | null {
	const key = headerKey(header);
	if (key === headerKey(column.name)) return 0;
	const i = column.synonyms.findIndex((s) => headerKey(s) === key);
	return i < 0 ? null : 1 + i;
}

/** Whether a file header matches a canonical column (its name or one of its synonyms). */
export function headerMatches(header: string, column: ColumnDef): boolean {
	return headerRank(header, column) !== null;
}

/** Whether a header is known and deliberately kept as an extra column (Begünstigter, Zeitstempel …). */
export function knownExtra(header: string): boolean {
	const key = headerKey(header);
	return KNOWN_EXTRA.some((s) => headerKey(s) === key);
}

/** A 1–N rating scale read from a header: "Antwort (1-5)", "Bewertung (1 = sehr gut … 6 = ungenügend)". */
export interface HeaderScale {
	min: number;
	max: number;
	/** false for school grades (1 = sehr gut): lower is better. */
	higherIsBetter: boolean;
}

const BEST_WORDS = /(sehr gut|trifft voll|stimme voll|voll und ganz|best|hervorragend|ausgezeichnet)/;
const WORST_WORDS =
	/(ungenügend|ungenuegend|mangelhaft|trifft (gar )?nicht|stimme (gar )?nicht|schlecht|worst)/;

/**
 * The scale a header states, or null: a range in brackets ("(1-5)", "[1–6]", "(1 = sehr gut …
 * 6 = ungenügend)") or school grades ("Schulnote", "Note"), which run 1 (best) to 6.
 * Direction: a label at the low end that means best (or at the high end that means worst), and
 * school grades, make lower better.
 */
export function scaleFromHeader(header: string): HeaderScale | null {
	const h = header.toLowerCase();
	const bracket = /[([]([^()[\]]*)[)\]]/.exec(h)?.[1] ?? '';
	const numbers = [...bracket.matchAll(/(\d+)/g)].map((m) => Number(m[1]));
	if (numbers.length >= 2) {
		const min = Math.min(...numbers);
		const max = Math.max(...numbers);
		if (max > min && max <= 11) {
			const lowPart = bracket.slice(0, bracket.indexOf(String(max)));
			const lowIsBest =
				BEST_WORDS.test(lowPart) || WORST_WORDS.test(bracket.slice(bracket.indexOf(String(max))));
			return { min, max, higherIsBetter: !(lowIsBest || /schulnote|\bnote\b/.test(h)) };
		}
	}
	if (/schulnote|^\s*note\s*$/.test(h)) return { min: 1, max: 6, higherIsBetter: false };
	return null;
}

export interface TableGuess {
	table: CanonicalTable;
	/** 0..1: share of required columns found, weighted with the share of headers recognised. */
	confidence: number;
	/** canonical column → file header */
	mapping: Record<string, string>;
	/**
	 * A required column no header matched, taken from the one header left over: the mapping is
	 * offered with this named for the analyst to check, not refused.
	 */
	assumed?: { column: string; header: string };
	/** Defaults a header states for absent columns (the feedback scale of "Antwort (1-5)"). */
	defaults?: Record<string, string | number | boolean>;
	/** Another table fits as well: the guess says so and asks (set on the best guess only). */
	ambiguousWith?: CanonicalTable;
}

/** Key columns whose values name things (ids): a leftover header can stand in for one of them. */
const KEY_COLUMNS = new Set(['project_id', 'indicator_id', 'session_id', 'group_id', 'question_id']);

function guessTable(def: (typeof TABLES)[number], headers: string[]): TableGuess {
	const mapping: Record<string, string> = {};
	const claimed = new Set<string>();
	const ordered = [...def.columns].sort((a, b) => Number(!!b.required) - Number(!!a.required));
	// Each column takes its best-ranked free header (its own name, then its synonyms in order).
	for (const column of ordered) {
		let best: { header: string; rank: number } | null = null;
		for (const header of headers) {
			if (claimed.has(header)) continue;
			const rank = headerRank(header, column);
			if (rank !== null && (best === null || rank < best.rank)) best = { header, rank };
		}
		if (best) {
			mapping[column.name] = best.header;
			claimed.add(best.header);
		}
	}
	// One period column ("Quartal", "Jahr", "Zeitraum") gives both ends of the period.
	if (def.columns.some((c) => c.name === 'period_end') && mapping.period_start && !mapping.period_end)
		mapping.period_end = mapping.period_start;
	const required = def.columns.filter((c) => c.required && c.default === undefined);
	let missing = required.filter((c) => !mapping[c.name]);
	let assumed: TableGuess['assumed'];
	const left = headers.filter((h) => !claimed.has(h) && !knownExtra(h));
	// Only for a file that otherwise fits: two or more required columns found, most headers known.
	const known = headers.filter((h) => claimed.has(h) || knownExtra(h)).length;
	if (
		missing.length === 1 &&
		KEY_COLUMNS.has(missing[0]!.name) &&
		left.length >= 1 &&
		required.length - 1 >= 2 &&
		known >= headers.length / 2
	) {
		assumed = { column: missing[0]!.name, header: left[0]! };
		mapping[assumed.column] = assumed.header;
		claimed.add(assumed.header);
		missing = [];
	}
	const recognised = headers.length
		? headers.filter((h) => claimed.has(h) || knownExtra(h)).length / headers.length
		: 0;
	const found = required.length - missing.length;
	let confidence = missing.length === 0 ? 0.6 + 0.4 * recognised : (0.5 * found) / required.length;
	if (assumed) confidence = Math.min(confidence, 0.55);
	const guess: TableGuess = { table: def.name, confidence: Math.round(confidence * 100) / 100, mapping };
	if (assumed) guess.assumed = assumed;
	if (def.name === 'feedback' && mapping.answer && !mapping.scale_max) {
		const scale = scaleFromHeader(mapping.answer);
		if (scale)
			guess.defaults = { scale_min: scale.min, scale_max: scale.max, higher_is_better: scale.higherIsBetter };
	}
	return guess;
}

/**
 * Guesses which canonical table a file is from its headers, best first.
 * Each header is claimed by at most one column; required columns are matched first. When the
 * best two fit equally well (all required columns, confidence within 0.05), the best says so.
 */
export function guessTables(headers: string[]): TableGuess[] {
	const guesses = TABLES.map((def) => guessTable(def, headers)).sort((a, b) => b.confidence - a.confidence);
	const [first, second] = guesses;
	if (first && second && second.confidence >= 0.6 && first.confidence - second.confidence < 0.05)
		first.ambiguousWith = second.table;
	return guesses;
}
