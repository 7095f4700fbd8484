import type { MessageKey } from './de';

/** English UI strings. */
export const en: Record<MessageKey, string> = {
	'app.title': 'Wirkung',
	'app.tagline': 'Goal attainment and participation – analysed in your browser',
	'app.sample': 'Sample data (synthetic)',
	'nav.overview': 'Overview',
	'nav.language': 'Deutsch',
	'engine.starting': 'Starting the analysis engine …',
	'engine.loadingSample': 'Loading sample data …',
	'engine.unsupported': 'This browser cannot run Wirkung',
	'engine.unsupportedHint':
		'Wirkung computes with DuckDB inside the browser and needs WebAssembly and Web Workers. Please open the page in a current version of Chrome, Edge, Firefox or Safari.',
	'engine.failed': 'The data could not be loaded',
	'overview.heading': 'BIWAQ – funding round 2019–2022',
	'overview.lead': 'Goal attainment of the programme across all sub-projects.',
	'kpi.projects': 'Sub-projects',
	'kpi.municipalities': 'Municipalities in {states} states',
	'kpi.participants': 'Participants (entries)',
	'kpi.participantsNote': 'CO01 + CO03 + CO05',
	'kpi.enterprises': 'Enterprises supported',
	'kpi.onTrack': 'Indicators at least on track',
	'kpi.onTrackValue': '{count} of {total}',
	'chart.attainment.title': 'Goal attainment by indicator',
	'chart.attainment.subtitle':
		'n = {indicators} indicators with a target · {values} reported values from {projects} projects · as of {asOf}',
	'chart.attainment.axis': 'Goal attainment (actual / target)',
	'chart.attainment.noTarget': 'Without a target (no attainment computable): {list}',
	'chart.table.caption': 'Data behind the chart',
	'col.indicator': 'Indicator',
	'col.actual': 'Actual',
	'col.target': 'Target',
	'col.attainment': 'Attainment',
	'col.status': 'Status',
	'status.achieved': 'achieved',
	'status.on_track': 'on track',
	'status.behind': 'behind',
	'status.no_target': 'no target',
	'empty.noTargets': 'No targets for this period',

	// --- diagnostics
	'diag.title': 'System check',
	'diag.lead': 'Checks whether this browser can run the analysis engine and measures its start.',
	'diag.running': 'Starting the engine …',
	'diag.ok': 'The analysis engine runs in this browser.',
	'diag.version': 'DuckDB version',
	'diag.bundle': 'WebAssembly bundle',
	'diag.startup': 'Engine start time',
	'diag.failed': 'The analysis engine could not be started',

	// --- dashboards (issue 4): keys dash.*, filter.*, chart.*

	// --- import (issue 3): keys import.*

	// --- presenter (issue 5): keys present.*, deck.*

	// --- sharing (issue 6): keys share.*

	// --- shared footer
	'footer.synthetic': 'All sample data shown is synthetic and represents no real projects or people.'
};
