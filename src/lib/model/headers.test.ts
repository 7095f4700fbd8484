import { describe, expect, test } from 'vitest';
import { guessTables, headerKey, scaleFromHeader } from './headers';

describe('headerKey', () => {
	test.each([
		['Indikator-Nr.', 'indikator nr'],
		['ESF+-Code', 'esf code'],
		['Antwort (1-5)', 'antwort'],
		['Anzahl [Personen]', 'anzahl'],
		['\uFEFF Förderkennzeichen ', 'foerderkennzeichen'],
		['Vertreter*innen von', 'vertreter*innen von'],
		['(leer)', 'leer']
	])('%s → %s', (raw, key) => expect(headerKey(raw)).toBe(key));
});

describe('scaleFromHeader', () => {
	test.each([
		['Antwort (1-5)', { min: 1, max: 5, higherIsBetter: true }],
		['Bewertung (1 = sehr gut … 6 = ungenügend)', { min: 1, max: 6, higherIsBetter: false }],
		['Zustimmung [1 = trifft gar nicht zu, 4 = trifft voll zu]', { min: 1, max: 4, higherIsBetter: true }],
		['Schulnote', { min: 1, max: 6, higherIsBetter: false }],
		['Note (1-6)', { min: 1, max: 6, higherIsBetter: false }],
		['Antwort', null],
		['Anzahl (2021)', null]
	])('%s', (header, scale) => expect(scaleFromHeader(header)).toEqual(scale));
});

/** Headers as other tools write them → the table and the mapping Wirkung should guess. */
const CASES: {
	tool: string;
	headers: string[];
	table: string;
	mapping: Record<string, string>;
	defaults?: Record<string, unknown>;
	assumed?: { column: string; header: string };
}[] = [
	{
		tool: 'ESF monitoring indicator list with own number and ESF code',
		headers: ['Indikator-Nr.', 'ESF-Code', 'Indikator', 'Einheit', 'Art'],
		table: 'indicators',
		mapping: {
			indicator_id: 'Indikator-Nr.',
			esf_code: 'ESF-Code',
			name: 'Indikator',
			unit: 'Einheit',
			kind: 'Art'
		}
	},
	{
		tool: 'ESF+ regulation terms for projects (Vorhaben, Begünstigter, Interventionskategorie)',
		headers: [
			'Vorhaben-Nr.',
			'Bezeichnung des Vorhabens',
			'Begünstigter',
			'Interventionskategorie',
			'Gemeinde',
			'Bundesland',
			'Durchführungszeitraum von',
			'Durchführungszeitraum bis'
		],
		table: 'projects',
		mapping: {
			project_id: 'Vorhaben-Nr.',
			name: 'Bezeichnung des Vorhabens',
			municipality: 'Gemeinde',
			state: 'Bundesland',
			start_date: 'Durchführungszeitraum von',
			end_date: 'Durchführungszeitraum bis'
		}
	},
	{
		tool: 'Förderdatenbank-style actuals keyed by ESF code, quarter, gender and age group',
		headers: ['Förderkennzeichen', 'ESF-Code', 'Quartal', 'Geschlecht', 'Altersgruppe', 'Anzahl'],
		table: 'actuals',
		mapping: {
			project_id: 'Förderkennzeichen',
			indicator_id: 'ESF-Code',
			period_start: 'Quartal',
			period_end: 'Quartal',
			gender: 'Geschlecht',
			age_group: 'Altersgruppe',
			value: 'Anzahl'
		}
	},
	{
		tool: 'actuals with both an own indicator number and an ESF code: the own number wins',
		headers: ['ESF-Code', 'Indikator-Nr.', 'Projekt-Nr.', 'Berichtsjahr', 'Ist-Wert'],
		table: 'actuals',
		mapping: {
			indicator_id: 'Indikator-Nr.',
			project_id: 'Projekt-Nr.',
			period_start: 'Berichtsjahr',
			period_end: 'Berichtsjahr',
			value: 'Ist-Wert'
		}
	},
	{
		tool: 'participation per event × chat group × role',
		headers: ['Veranstaltung', 'Datum', 'Chatgruppe', 'Rolle', 'Anzahl Teilnehmende', 'Beiträge'],
		table: 'participation',
		mapping: {
			session_id: 'Veranstaltung',
			group_id: 'Chatgruppe',
			role: 'Rolle',
			participants: 'Anzahl Teilnehmende',
			posts: 'Beiträge'
		}
	},
	{
		tool: 'feedback long form with the scale in the header',
		headers: ['Veranstaltung', 'Frage-Nr.', 'Frage', 'Antwort (1-5)'],
		table: 'feedback',
		mapping: {
			session_id: 'Veranstaltung',
			question_id: 'Frage-Nr.',
			question_text: 'Frage',
			answer: 'Antwort (1-5)'
		},
		defaults: { scale_min: 1, scale_max: 5, higher_is_better: true }
	},
	{
		tool: 'feedback with school grades, 1 best',
		headers: ['Termin-ID', 'Item', 'Bewertung (1 = sehr gut … 6 = ungenügend)', 'Anmerkung'],
		table: 'feedback',
		mapping: {
			session_id: 'Termin-ID',
			question_id: 'Item',
			answer: 'Bewertung (1 = sehr gut … 6 = ungenügend)',
			comment: 'Anmerkung'
		},
		defaults: { scale_min: 1, scale_max: 6, higher_is_better: false }
	},
	{
		tool: 'targets file from a spreadsheet with a plan column',
		headers: ['Indikator', 'Ebene', 'Bezug', 'Jahr', 'Planwert'],
		table: 'targets',
		mapping: {
			indicator_id: 'Indikator',
			scope: 'Ebene',
			scope_id: 'Bezug',
			period_start: 'Jahr',
			period_end: 'Jahr',
			target_value: 'Planwert'
		}
	},
	{
		tool: 'actuals whose project key column has a name no list knows: offered with the candidate named',
		headers: ['Indikator-ID', 'Maßnahmenschlüssel', 'Zeitraum von', 'Zeitraum bis', 'Istwert'],
		table: 'actuals',
		mapping: {
			indicator_id: 'Indikator-ID',
			project_id: 'Maßnahmenschlüssel',
			period_start: 'Zeitraum von',
			period_end: 'Zeitraum bis',
			value: 'Istwert'
		},
		assumed: { column: 'project_id', header: 'Maßnahmenschlüssel' }
	}
];

describe('guessTables on other tools’ headers', () => {
	test.each(CASES)('$tool', ({ headers, table, mapping, defaults, assumed }) => {
		const [best] = guessTables(headers);
		expect(best!.table).toBe(table);
		expect(best!.mapping).toEqual(mapping);
		expect(best!.defaults).toEqual(defaults);
		expect(best!.assumed).toEqual(assumed);
	});

	test('two tables fitting equally well: the guess says so', () => {
		// Target and actual side by side: targets or actuals alike.
		const [best] = guessTables(['Indikator', 'Projekt-Nr.', 'Jahr', 'Wert', 'Zielwert']);
		expect([best!.table, best!.ambiguousWith].sort()).toEqual(['actuals', 'targets']);
	});

	test('a clear fit is not called ambiguous', () => {
		const [best] = guessTables(['Indikator-ID', 'Projekt-Nr.', 'Zeitraum von', 'Zeitraum bis', 'Istwert']);
		expect(best!.table).toBe('actuals');
		expect(best!.ambiguousWith).toBeUndefined();
	});
});

describe('no table is forced on a file that does not fit', () => {
	test.each([[['Name', 'Alter', 'Lieblingsfarbe']], [['Projektname', 'Farbe', 'Größe', 'Gewicht']]])(
		'%j',
		(headers) => {
			const [best] = guessTables(headers);
			expect(best!.confidence).toBeLessThan(0.6);
			expect(best!.assumed).toBeUndefined();
		}
	);
});
