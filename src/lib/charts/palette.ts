import type { AttainmentStatus } from '../metrics/status';

/**
 * Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. Status is never
 * shown by colour alone: every status also has an icon and a label.
 */
export const OKABE_ITO = {
	orange: '#E69F00',
	skyBlue: '#56B4E9',
	bluishGreen: '#009E73',
	yellow: '#F0E442',
	blue: '#0072B2',
	vermillion: '#D55E00',
	reddishPurple: '#CC79A7',
	grey: '#999999'
} as const;

export const STATUS_STYLE: Record<AttainmentStatus, { color: string; icon: string }> = {
	achieved: { color: OKABE_ITO.bluishGreen, icon: '✓' },
	on_track: { color: OKABE_ITO.orange, icon: '→' },
	behind: { color: OKABE_ITO.vermillion, icon: '!' },
	no_target: { color: OKABE_ITO.grey, icon: '–' }
};

/** Colours of several series (sessions, measures), in order; all Okabe–Ito. */
export const SERIES_COLORS = [
	OKABE_ITO.blue,
	OKABE_ITO.orange,
	OKABE_ITO.bluishGreen,
	OKABE_ITO.reddishPurple,
	OKABE_ITO.skyBlue,
	OKABE_ITO.vermillion
];

/**
 * Answer categories from best to worst: the two best (top-2 box) in blues, a neutral grey, then
 * orange to dark vermillion; distinguishable without red–green contrast.
 */
export const RANK_COLORS = [
	OKABE_ITO.blue,
	OKABE_ITO.skyBlue,
	'#C9D3DA',
	OKABE_ITO.orange,
	OKABE_ITO.vermillion,
	'#8A3B00',
	'#4D2100'
];
