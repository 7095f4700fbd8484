#!/usr/bin/env node
// Seeded generator of the bundled, clearly synthetic sample data (see data/README.md).
// Same seed → byte-identical files: `npm run data && git diff --exit-code data/` proves it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const SEED = 20201111;
const OUT = process.env.WIRKUNG_SAMPLE_OUT || join(dirname(fileURLToPath(import.meta.url)), '..', 'data');
const AS_OF = { year: 2022, quarter: 3 }; // Stand 30.09.2022

/** mulberry32: tiny, well-known seeded PRNG. */
function rng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const random = rng(SEED);
const between = (lo, hi) => lo + (hi - lo) * random();
const int = (lo, hi) => Math.floor(between(lo, hi + 1));
const pick = (list) => list[Math.floor(random() * list.length)];
const normal = (mean, sd) =>
	mean + sd * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
function poisson(lambda) {
	if (lambda > 30) return Math.max(0, Math.round(normal(lambda, Math.sqrt(lambda))));
	let k = 0;
	for (let p = random(), l = Math.exp(-lambda); p > l; p *= random()) k++;
	return k;
}
/** Splits a whole number into parts by shares (largest remainder), so breakdowns sum to the total. */
function split(total, shares) {
	const raw = shares.map((s) => total * s);
	const parts = raw.map(Math.floor);
	let rest = total - parts.reduce((a, b) => a + b, 0);
	const order = raw.map((r, i) => [r - Math.floor(r) + random() * 0.3, i]).sort((a, b) => b[0] - a[0]);
	for (const [, i] of order) if (rest-- > 0) parts[i]++;
	return parts;
}

const pad = (n) => String(n).padStart(2, '0');
const de = (y, m, d) => `${pad(d)}.${pad(m)}.${y}`;
const deNumber = (x, decimals = 0) =>
	x.toLocaleString('de-DE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
const quarterStart = (y, q) => de(y, 3 * q - 2, 1);
const quarterEnd = (y, q) => de(y, 3 * q, [31, 30, 30, 31][q - 1]);

/** Writes a German Excel-style CSV: semicolons, CRLF, quotes only where needed. */
function writeCsv(name, header, rows, { encoding = 'utf8', bom = false } = {}) {
	const cell = (v) => {
		const s = v === null || v === undefined ? '' : String(v);
		return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	const text = [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
	const bytes = encoding === 'windows-1252' ? iconv.encode(text, 'win1252') : Buffer.from(text, 'utf8');
	const out = bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
	mkdirSync(OUT, { recursive: true });
	writeFileSync(join(OUT, name), out);
	return { name, rows: rows.length, bytes: out.length };
}

// --- Municipalities and projects -------------------------------------------------------------
const MUNICIPALITIES = [
	['Berlin', 'Berlin'],
	['Hamburg', 'Hamburg'],
	['Bremen', 'Bremen'],
	['Bremerhaven', 'Bremen'],
	['München', 'Bayern'],
	['Nürnberg', 'Bayern'],
	['Fürth', 'Bayern'],
	['Augsburg', 'Bayern'],
	['Würzburg', 'Bayern'],
	['Köln', 'Nordrhein-Westfalen'],
	['Düsseldorf', 'Nordrhein-Westfalen'],
	['Dortmund', 'Nordrhein-Westfalen'],
	['Essen', 'Nordrhein-Westfalen'],
	['Duisburg', 'Nordrhein-Westfalen'],
	['Gelsenkirchen', 'Nordrhein-Westfalen'],
	['Bochum', 'Nordrhein-Westfalen'],
	['Mülheim an der Ruhr', 'Nordrhein-Westfalen'],
	['Mönchengladbach', 'Nordrhein-Westfalen'],
	['Hamm', 'Nordrhein-Westfalen'],
	['Herne', 'Nordrhein-Westfalen'],
	['Bielefeld', 'Nordrhein-Westfalen'],
	['Frankfurt am Main', 'Hessen'],
	['Offenbach am Main', 'Hessen'],
	['Kassel', 'Hessen'],
	['Gießen', 'Hessen'],
	['Stuttgart', 'Baden-Württemberg'],
	['Mannheim', 'Baden-Württemberg'],
	['Pforzheim', 'Baden-Württemberg'],
	['Ludwigshafen am Rhein', 'Rheinland-Pfalz'],
	['Mainz', 'Rheinland-Pfalz'],
	['Kaiserslautern', 'Rheinland-Pfalz'],
	['Saarbrücken', 'Saarland'],
	['Neunkirchen', 'Saarland'],
	['Hannover', 'Niedersachsen'],
	['Braunschweig', 'Niedersachsen'],
	['Osnabrück', 'Niedersachsen'],
	['Göttingen', 'Niedersachsen'],
	['Salzgitter', 'Niedersachsen'],
	['Kiel', 'Schleswig-Holstein'],
	['Lübeck', 'Schleswig-Holstein'],
	['Flensburg', 'Schleswig-Holstein'],
	['Rostock', 'Mecklenburg-Vorpommern'],
	['Schwerin', 'Mecklenburg-Vorpommern'],
	['Stralsund', 'Mecklenburg-Vorpommern'],
	['Leipzig', 'Sachsen'],
	['Dresden', 'Sachsen'],
	['Chemnitz', 'Sachsen'],
	['Halle (Saale)', 'Sachsen-Anhalt'],
	['Magdeburg', 'Sachsen-Anhalt'],
	['Dessau-Roßlau', 'Sachsen-Anhalt'],
	['Erfurt', 'Thüringen'],
	['Gera', 'Thüringen'],
	['Jena', 'Thüringen'],
	['Cottbus', 'Brandenburg'],
	['Frankfurt (Oder)', 'Brandenburg']
];
const QUARTERS = [
	'Nordstadt',
	'Südstadt',
	'Weststadt',
	'Oststadt',
	'Innenstadt',
	'Bahnhofsviertel',
	'Hafenviertel',
	'Altstadt',
	'Neustadt',
	'Großsiedlung',
	'Schlossviertel',
	'Gartenstadt',
	'Kanalviertel',
	'Brückenviertel'
];
const FOCUS = [
	'Arbeit im Quartier',
	'Lokale Ökonomie stärken',
	'Wege in Arbeit',
	'Quartier schafft Perspektiven',
	'Zukunft im Kiez',
	'Chancen vor Ort',
	'Gemeinsam für Beschäftigung'
];

const projects = [];
const secondProject = new Set();
while (secondProject.size < 15) secondProject.add(int(0, MUNICIPALITIES.length - 1));
MUNICIPALITIES.forEach(([municipality, state], i) => {
	const count = secondProject.has(i) ? 2 : 1;
	const used = new Set();
	for (let k = 0; k < count; k++) {
		let quarter;
		do quarter = pick(QUARTERS);
		while (used.has(quarter));
		used.add(quarter);
		const startQuarter = int(1, 3); // projects started Q1–Q3 2019
		projects.push({
			id: `BQ-19-${String(projects.length + 1).padStart(3, '0')}`,
			name: `${pick(FOCUS)} ${municipality}-${quarter}`,
			municipality,
			state,
			quarter: `${municipality}-${quarter}`,
			startQuarter,
			size: between(0.6, 1.6)
		});
	}
});

// --- Indicators -------------------------------------------------------------------------------
const INDICATORS = [
	// id, name, unit, kind, esf code, base target per project, breakdown, aggregation
	['CO01', 'Arbeitslose, auch Langzeitarbeitslose', 'Personen', 'Output', 'CO01', 90, true],
	['CO02', 'Langzeitarbeitslose', 'Personen', 'Output', 'CO02', 40, true],
	['CO03', 'Nichterwerbstätige', 'Personen', 'Output', 'CO03', 35, true],
	['CO05', 'Erwerbstätige, auch Selbständige', 'Personen', 'Output', 'CO05', 15, true],
	['CO06', 'Unter 25-Jährige', 'Personen', 'Output', 'CO06', 20, true],
	['CO15', 'Teilnehmende mit Migrationshintergrund', 'Personen', 'Output', 'CO15', 55, true],
	[
		'CO23',
		'Unterstützte Kleinst-, kleine und mittlere Unternehmen',
		'Unternehmen',
		'Output',
		'CO23',
		25,
		false
	],
	[
		'CR02',
		'Teilnehmende in schulischer/beruflicher Bildung nach Austritt',
		'Personen',
		'Ergebnis',
		'CR02',
		14,
		true
	],
	['CR03', 'Teilnehmende mit Qualifizierung nach Austritt', 'Personen', 'Ergebnis', 'CR03', 30, true],
	['CR04', 'Teilnehmende in Beschäftigung nach Austritt', 'Personen', 'Ergebnis', 'CR04', 32, true],
	['BIWAQ-Q1', 'Übergangsquote in Beschäftigung oder Bildung', '%', 'Ergebnis', '', 30, false],
	['BIWAQ-U1', 'Beratungen lokaler Unternehmen', 'Beratungen', 'Output', '', null, false]
];
// Programme-wide performance per indicator, so the sample shows every status.
const PERFORMANCE = {
	CO01: 1.32,
	CO02: 1.1,
	CO03: 0.98,
	CO05: 0.8,
	CO06: 1.15,
	CO15: 1.4,
	CO23: 0.85,
	CR02: 1.15,
	CR03: 0.95,
	CR04: 0.9,
	'BIWAQ-Q1': 1.0,
	'BIWAQ-U1': 1
};

const indicatorRows = INDICATORS.map(([id, name, unit, kind, code]) => [
	id,
	name,
	unit,
	kind,
	code,
	'steigend',
	unit === '%' ? 'Mittelwert' : 'Summe'
]);

// --- Targets and actuals ------------------------------------------------------------------------
const QUARTER_LIST = [];
for (let y = 2019; y <= 2022; y++) for (let q = 1; q <= 4; q++) QUARTER_LIST.push({ y, q });
const ROUND_QUARTERS = QUARTER_LIST.length;
const covid = ({ y, q }) => (y === 2020 && q >= 2 ? 0.65 : y === 2021 && q === 1 ? 0.75 : 1);

const targetRows = [];
const actualRows = [];
const programmeTarget = {};
const GENDER = [
	['weiblich', 0.51],
	['männlich', 0.47],
	['divers', 0.02]
];
const AGE = [
	['unter 25', 0.2],
	['25 bis 54', 0.66],
	['über 54', 0.14]
];

for (const p of projects) {
	for (const [id, , unit, , , base] of INDICATORS) {
		if (base === null) continue;
		const target = unit === '%' ? base : Math.max(5, Math.round((base * p.size) / 5) * 5);
		targetRows.push([
			id,
			'Projekt',
			p.id,
			'01.01.2019',
			'31.12.2022',
			deNumber(target, unit === '%' ? 1 : 0),
			'Zielwert',
			'nein'
		]);
		if (unit !== '%') programmeTarget[id] = (programmeTarget[id] ?? 0) + target;
	}
}
for (const [id, , unit, , , base] of INDICATORS) {
	if (base === null) continue;
	const value = unit === '%' ? base : programmeTarget[id];
	targetRows.push([
		id,
		'Programm',
		'',
		'01.01.2019',
		'31.12.2022',
		deNumber(value, unit === '%' ? 1 : 0),
		'Zielwert',
		'nein'
	]);
	if (unit !== '%')
		targetRows.push([
			id,
			'Programm',
			'',
			'01.01.2019',
			'31.12.2020',
			deNumber(Math.round(value * 0.4), 0),
			'Etappenziel',
			'ja'
		]);
}

let missingBudget = 6; // a handful of "k.A." cells, as real monitoring exports have
for (const p of projects) {
	const active = QUARTER_LIST.filter(
		({ y, q }) => (y > 2019 || q >= p.startQuarter) && (y < AS_OF.year || q <= AS_OF.quarter)
	);
	const projectQuarters = ROUND_QUARTERS - (p.startQuarter - 1);
	for (const [id, , unit, , , base, breakdown] of INDICATORS) {
		const perf = Math.max(0.3, normal(PERFORMANCE[id], 0.15));
		for (const period of active) {
			const from = quarterStart(period.y, period.q);
			const to = quarterEnd(period.y, period.q);
			if (unit === '%') {
				const rate = Math.min(95, Math.max(5, normal(base * perf * covid(period), 6)));
				actualRows.push([id, p.id, from, to, deNumber(rate, 1), '', '']);
				continue;
			}
			const expected = base === null ? 6 * p.size : (base * p.size) / projectQuarters;
			const total = poisson(expected * perf * covid(period));
			const totalCell = missingBudget > 0 && random() < 0.0015 ? (missingBudget--, 'k.A.') : total;
			actualRows.push([id, p.id, from, to, totalCell, '', '']);
			if (!breakdown || totalCell === 'k.A.') continue;
			// German statistics write an exact zero as "-" (DIN 55301) and small values for "divers" as "*".
			const cell = (n, small) => (n === 0 ? '-' : small && n <= 2 && random() < 0.25 ? '*' : n);
			split(
				total,
				GENDER.map(([, s]) => s)
			).forEach((n, i) => actualRows.push([id, p.id, from, to, cell(n, i === 2), GENDER[i][0], '']));
			const ages = id === 'CO06' ? [1, 0, 0] : AGE.map(([, s]) => s);
			split(total, ages).forEach((n, i) =>
				actualRows.push([id, p.id, from, to, cell(n, false), '', AGE[i][0]])
			);
		}
	}
}

// --- Themenwerkstatt 2020 -------------------------------------------------------------------------
const EVENT = 'BIWAQ-Themenwerkstatt 2020';
const sessionRows = [
	['TW20-AUF', 'Auftaktwerkstatt', 'Auftakt', '11.11.2020', '11.11.2020', 120, EVENT],
	['TW20-CHAT', 'Chatphase in Themengruppen', 'Chatphase', '12.11.2020', '02.12.2020', '', EVENT],
	['TW20-ABS', 'Abschlusswerkstatt', 'Abschluss', '10.12.2020', '10.12.2020', 120, EVENT]
];
const TOPICS = [
	'Zielgruppenarbeit',
	'Kooperation mit Jobcentern',
	'Stärkung von Unternehmen',
	'Covid-19',
	'Digitalisierung',
	'Wirkungsmessung der BIWAQ-Maßnahmen',
	'Informationsfluss'
];
const groupRows = TOPICS.map((topic, i) => [`CG${i + 1}`, topic, 'TW20-CHAT']);

// A synthetic roster only to derive consistent aggregate counts; no person is written to any file.
const roster = [];
for (const [municipality] of MUNICIPALITIES)
	if (random() < 0.8) roster.push({ municipality, role: 'Kommune' });
for (const p of projects)
	for (let k = 0, n = random() < 0.4 ? 2 : 1; k < n; k++)
		roster.push({ municipality: p.municipality, role: 'Projektträger' });
for (let k = 0; k < 12 && roster.length < 158; k++)
	roster.push({ municipality: pick(MUNICIPALITIES)[0], role: 'Jobcenter' });
for (let k = 0; k < 6; k++) roster.push({ municipality: '', role: 'BMI/BBSR' });
for (let k = 0; k < 3; k++) roster.push({ municipality: '', role: 'Moderation/Begleitung' });
for (const person of roster) {
	person.kickoff = random() < 0.9;
	person.closing = random() < (person.kickoff ? 0.86 : 0.5);
	person.groups =
		person.role === 'BMI/BBSR' || person.role === 'Moderation/Begleitung'
			? [int(0, 6)]
			: TOPICS.map((_, i) => i).filter(() => random() < 0.28);
}

const participationRows = [];
const cohorts = new Map();
for (const person of roster) {
	const key = `${person.municipality}|${person.role}`;
	if (!cohorts.has(key)) cohorts.set(key, []);
	cohorts.get(key).push(person);
}
const keys = [...cohorts.keys()].sort((a, b) => a.localeCompare(b, 'de'));
for (const [session, flag] of [
	['TW20-AUF', 'kickoff'],
	['TW20-ABS', 'closing']
]) {
	for (const key of keys) {
		const [municipality, role] = key.split('|');
		const people = cohorts.get(key);
		participationRows.push([
			session,
			'',
			municipality,
			role,
			people.length,
			people.filter((p) => p[flag]).length,
			''
		]);
	}
}
for (let g = 0; g < TOPICS.length; g++) {
	for (const key of keys) {
		const [municipality, role] = key.split('|');
		const members = cohorts.get(key).filter((p) => p.groups.includes(g));
		if (members.length === 0) continue;
		const posts = members.reduce((sum) => sum + poisson(role === 'Moderation/Begleitung' ? 14 : 4.5), 0);
		participationRows.push([
			'TW20-CHAT',
			`CG${g + 1}`,
			municipality,
			role,
			members.length,
			members.length,
			posts
		]);
	}
}

const QUESTIONS = [
	['F1', 'Die Veranstaltung hat mir insgesamt gefallen.', 1, 5, 'ja', 4.1],
	['F2', 'Das virtuelle Format hat gut funktioniert.', 1, 5, 'ja', 3.8],
	['F3', 'Die Chatphase war für meine Arbeit hilfreich.', 1, 5, 'ja', 3.3],
	['F4', 'Ich habe neue Kontakte zu anderen Projekten geknüpft.', 1, 5, 'ja', 2.9],
	['F5', 'Der Stand der Zielerreichung wurde verständlich dargestellt.', 1, 5, 'ja', 3.9],
	['F6', 'Ich würde wieder an einer virtuellen Themenwerkstatt teilnehmen.', 1, 5, 'ja', 4.2],
	['F7', 'Gesamtnote (1 = sehr gut … 6 = ungenügend)', 1, 6, 'nein', 2.2]
];
const COMMENTS = [
	'Mehr Zeit für den Austausch in den Gruppen wäre gut.',
	'Technik lief stabil, danke!',
	'Die Chatkanäle waren teilweise unübersichtlich.',
	'Bitte Präsentationen vorab verschicken.',
	'Gute Moderation, "Wirkungsmessung" gern vertiefen.'
];
const feedbackRows = [];
const surveys = [
	['TW20-AUF', 3, 0.72, 'kickoff'],
	['TW20-ABS', 7, 0.62, 'closing']
];
let respondent = 0;
for (const [session, questionCount, rate, flag] of surveys) {
	const attendees = roster.filter((p) => p[flag]);
	for (let k = 0; k < attendees.length; k++) {
		if (random() > rate) continue;
		const ref = `B-${String(++respondent).padStart(3, '0')}`;
		const comment = random() < 0.08 ? pick(COMMENTS) : '';
		for (const [qid, text, min, max, better, mean] of QUESTIONS.slice(0, questionCount)) {
			const answer = Math.min(max, Math.max(min, Math.round(normal(mean, 0.9))));
			feedbackRows.push([session, qid, text, answer, min, max, better, ref, qid === 'F1' ? comment : '']);
		}
	}
}

const written = [
	writeCsv(
		'projekte.csv',
		[
			'Projekt-Nr.',
			'Projektname',
			'Kommune',
			'Bundesland',
			'Quartier',
			'Förderrunde',
			'Projektbeginn',
			'Projektende'
		],
		projects.map((p) => [
			p.id,
			p.name,
			p.municipality,
			p.state,
			p.quarter,
			'2019–2022',
			quarterStart(2019, p.startQuarter),
			'31.12.2022'
		]),
		{ encoding: 'windows-1252' }
	),
	writeCsv(
		'indikatoren.csv',
		['Indikator-ID', 'Bezeichnung', 'Einheit', 'Art', 'ESF-Code', 'Richtung', 'Aggregation'],
		indicatorRows,
		{ bom: true }
	),
	writeCsv(
		'zielwerte.csv',
		['Indikator-ID', 'Ebene', 'Bezug', 'Zeitraum von', 'Zeitraum bis', 'Zielwert', 'Zielart', 'kumuliert'],
		targetRows,
		{ bom: true }
	),
	writeCsv(
		'istwerte.csv',
		['Indikator-ID', 'Projekt-Nr.', 'Zeitraum von', 'Zeitraum bis', 'Istwert', 'Geschlecht', 'Altersgruppe'],
		actualRows
	),
	writeCsv(
		'veranstaltungen.csv',
		['Veranstaltungs-ID', 'Titel', 'Art', 'Datum', 'Enddatum', 'Dauer (Min.)', 'Veranstaltung'],
		sessionRows
	),
	writeCsv('chatgruppen.csv', ['Gruppen-ID', 'Thema', 'Veranstaltungs-ID'], groupRows),
	writeCsv(
		'teilnahme.csv',
		['Veranstaltungs-ID', 'Gruppen-ID', 'Kommune', 'Rolle', 'Angemeldet', 'Teilnehmende', 'Beiträge'],
		participationRows,
		{ encoding: 'windows-1252' }
	),
	writeCsv(
		'feedback.csv',
		[
			'Veranstaltungs-ID',
			'Frage-Nr.',
			'Frage',
			'Antwort',
			'Skala min',
			'Skala max',
			'Höher ist besser',
			'Bogen-Nr.',
			'Kommentar'
		],
		feedbackRows
	)
];
writeFileSync(
	join(OUT, 'manifest.json'),
	JSON.stringify(
		{ synthetic: true, seed: SEED, asOf: '2022-09-30', people: roster.length, files: written },
		null,
		'\t'
	) + '\n'
);
for (const f of written)
	console.log(`${f.name.padEnd(22)} ${String(f.rows).padStart(6)} rows ${String(f.bytes).padStart(9)} bytes`);
