import { TABLES, type CanonicalTable, type ColumnDef } from './tables';

/**
 * Normalises a header or vocabulary value for synonym matching: case-, umlaut-, and
 * whitespace-insensitive ("Förderrunde " → "foerderrunde", "Projekt-Nr." → "projekt-nr.").
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

/** Whether a file header matches a canonical column (its name or one of its synonyms). */
export function headerMatches(header: string, column: ColumnDef): boolean {
	const h = normalizeHeader(header);
	return h === normalizeHeader(column.name) || column.synonyms.some((s) => normalizeHeader(s) === h);
}

export interface TableGuess {
	table: CanonicalTable;
	/** 0..1: share of required columns found, weighted with the share of headers recognised. */
	confidence: number;
	/** canonical column → file header */
	mapping: Record<string, string>;
}

/**
 * Guesses which canonical table a file is from its headers, best first.
 * Each header is claimed by at most one column; required columns are matched first.
 */
export function guessTables(headers: string[]): TableGuess[] {
	return TABLES.map((def) => {
		const mapping: Record<string, string> = {};
		const claimed = new Set<string>();
		const ordered = [...def.columns].sort((a, b) => Number(!!b.required) - Number(!!a.required));
		// Exact column-name matches first, then synonyms, so "Bezeichnung" goes to the best candidate.
		for (const pass of ['name', 'synonym'] as const) {
			for (const column of ordered) {
				if (mapping[column.name]) continue;
				const header = headers.find(
					(h) =>
						!claimed.has(h) &&
						(pass === 'name' ? normalizeHeader(h) === normalizeHeader(column.name) : headerMatches(h, column))
				);
				if (header !== undefined) {
					mapping[column.name] = header;
					claimed.add(header);
				}
			}
		}
		// One period column ("Quartal", "Jahr", "Zeitraum") gives both ends of the period.
		if (def.columns.some((c) => c.name === 'period_end') && mapping.period_start && !mapping.period_end)
			mapping.period_end = mapping.period_start;
		const required = def.columns.filter((c) => c.required);
		const requiredFound = required.filter((c) => mapping[c.name]).length;
		const recognised = headers.length ? claimed.size / headers.length : 0;
		const confidence =
			requiredFound === required.length ? 0.6 + 0.4 * recognised : (0.5 * requiredFound) / required.length;
		return { table: def.name, confidence: Math.round(confidence * 100) / 100, mapping };
	}).sort((a, b) => b.confidence - a.confidence);
}
