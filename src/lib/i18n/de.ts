/** German UI strings (default language). Keys are shared with en.ts; the type keeps them in step. */
export const de = {
	'app.title': 'Wirkung',
	'app.tagline': 'Zielerreichung und Beteiligung – ausgewertet in Ihrem Browser',
	'app.sample': 'Beispieldaten (synthetisch)',
	'nav.overview': 'Übersicht',
	'nav.language': 'English',
	'engine.starting': 'Analyse-Engine wird gestartet …',
	'engine.loadingSample': 'Beispieldaten werden geladen …',
	'engine.unsupported': 'Dieser Browser kann Wirkung nicht ausführen',
	'engine.unsupportedHint':
		'Wirkung rechnet mit DuckDB direkt im Browser und braucht WebAssembly und Web Worker. Bitte öffnen Sie die Seite in einer aktuellen Version von Chrome, Edge, Firefox oder Safari.',
	'engine.failed': 'Die Daten konnten nicht geladen werden',
	'overview.heading': 'BIWAQ – Förderrunde 2019–2022',
	'overview.lead': 'Stand der Zielerreichung des Programms über alle Teilprojekte.',
	'kpi.projects': 'Teilprojekte',
	'kpi.municipalities': 'Kommunen in {states} Ländern',
	'kpi.participants': 'Teilnehmende (Eintritte)',
	'kpi.participantsNote': 'CO01 + CO03 + CO05',
	'kpi.enterprises': 'Unterstützte Unternehmen',
	'kpi.onTrack': 'Indikatoren mindestens auf Kurs',
	'kpi.onTrackValue': '{count} von {total}',
	'chart.attainment.title': 'Zielerreichung nach Indikator',
	'chart.attainment.subtitle':
		'n = {indicators} Indikatoren mit Zielwert · {values} Meldungen aus {projects} Projekten · Stand {asOf}',
	'chart.attainment.axis': 'Zielerreichung (Ist / Soll)',
	'chart.attainment.noTarget': 'Ohne Zielwert (keine Zielerreichung berechenbar): {list}',
	'chart.table.caption': 'Daten zum Diagramm',
	'col.indicator': 'Indikator',
	'col.actual': 'Ist',
	'col.target': 'Soll',
	'col.attainment': 'Zielerreichung',
	'col.status': 'Status',
	'status.achieved': 'erreicht',
	'status.on_track': 'auf Kurs',
	'status.behind': 'im Rückstand',
	'status.no_target': 'kein Zielwert',
	'empty.noTargets': 'Keine Zielwerte für diesen Zeitraum',

	// --- diagnostics
	'diag.title': 'Systemprüfung',
	'diag.lead': 'Prüft, ob dieser Browser die Analyse-Engine ausführen kann, und misst ihren Start.',
	'diag.running': 'Engine wird gestartet …',
	'diag.ok': 'Die Analyse-Engine läuft in diesem Browser.',
	'diag.version': 'DuckDB-Version',
	'diag.bundle': 'WebAssembly-Paket',
	'diag.startup': 'Startzeit der Engine',
	'diag.failed': 'Die Analyse-Engine konnte nicht gestartet werden',

	// --- dashboards (issue 4): keys dash.*, filter.*, chart.*

	// --- import (issue 3): keys import.*

	// --- presenter (issue 5): keys present.*, deck.*

	// --- sharing (issue 6): keys share.*

	// --- shared footer
	'footer.synthetic':
		'Alle gezeigten Beispieldaten sind synthetisch erzeugt und stellen keine realen Projekte oder Personen dar.'
} as const;

export type MessageKey = keyof typeof de;
