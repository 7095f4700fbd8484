import { cellId, cubeMargins } from './cube';
import { PayloadError } from './payload';
import { MAX_CELLS, MIN_K, type CubeCell, type CubeMeta } from './schema';

/**
 * The publication rules every cube must pass, checked by the browser before it sends a cube
 * (buildCube) and by the server before it stores or serves one (validate.ts): one module, so the
 * server is exactly as strict as the browser. Each rule is stated on the published numbers
 * themselves, never on what the sender claims about them (a cell's n is checked against its value).
 */

/** Longest text in a cell (ids, labels, units). */
export const MAX_TEXT = 500;
/** Largest attainment ratio accepted (10 000 %); the chart draws at most PLOT_CAP_PERCENT. */
export const MAX_RATIO = 100;
/** Dates a cube may carry: reporting periods of a funding programme. */
const FIRST_DATE = '1990-01-01';
const LAST_DATE = '2100-12-31';

const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** Whether a text is an ISO date (YYYY-MM-DD) that exists in the calendar, between 1990 and 2100. */
export function isPlausibleDate(text: unknown): boolean {
	if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	const date = new Date(`${text}T00:00:00Z`);
	return (
		!Number.isNaN(date.getTime()) &&
		date.toISOString().slice(0, 10) === text &&
		text >= FIRST_DATE &&
		text <= LAST_DATE
	);
}

/**
 * Whether a cell's value counts units (persons, enterprises, answers, projects, places), so that the
 * value itself must pass k: participation and feedback cells, the overview's figures, and
 * attainment of indicators counted in persons or enterprises.
 */
export function countsUnits(cell: Pick<CubeCell, 'view' | 'unit'>): boolean {
	if (cell.view === 'attainment-by-indicator') return cell.unit === 'Personen' || cell.unit === 'Unternehmen';
	return true;
}

/** A count is publishable when it is zero (reveals nobody) or at least k. */
const publishable = (count: number, k: number) => count === 0 || count >= k;

/**
 * Throws PayloadError naming the first cell or field that breaks a rule:
 * - k ≥ MIN_K; between 1 and MAX_CELLS cells, ids unique, views announced;
 * - texts: at most MAX_TEXT characters, no control characters, no e-mail addresses;
 * - dates (meta and cells) exist in the calendar and lie between 1990 and 2100;
 * - a hidden cell carries no number; a shown cell has a whole n ≥ 0;
 * - a counted value is 0 or ≥ k and equals its n (n is not trusted on its own); every project
 *   count is 0 or ≥ k; ratios are finite, 0 … MAX_RATIO;
 * - in every additive margin with a shown total, the hidden parts are none, or at least two whose
 *   sum (the total minus the shown parts) is ≥ k.
 */
export function checkCube(meta: CubeMeta, cells: CubeCell[]): void {
	const k = meta.k;
	if (!Number.isInteger(k) || k < MIN_K) throw new PayloadError(`k must be at least ${MIN_K}`);
	if (cells.length === 0) throw new PayloadError('the cube has no cells');
	if (cells.length > MAX_CELLS) throw new PayloadError(`at most ${MAX_CELLS} cells`);
	for (const [name, date] of [
		['asOf', meta.asOf],
		['since', meta.since ?? null],
		['filters.periodFrom', meta.filters?.periodFrom ?? null],
		['filters.periodTo', meta.filters?.periodTo ?? null]
	] as const)
		if (date !== null && !isPlausibleDate(date))
			throw new PayloadError(`${name}: not a date between 1990 and 2100`);
	checkText('title', meta.title);

	const ids = new Set<string>();
	for (const cell of cells) {
		const id = cellId(cell);
		if (ids.has(id)) throw new PayloadError(`duplicate cell ${id}`);
		ids.add(id);
		if (!meta.views.includes(cell.view))
			throw new PayloadError(`cell of view ${cell.view} not listed in views`);
		for (const text of [cell.dim1, cell.dim2, cell.label1, cell.label2, cell.unit, cell.code, cell.as_of])
			if (text !== null) checkText(id, text);
		if (cell.as_of !== null && !isPlausibleDate(cell.as_of))
			throw new PayloadError(`cell ${id}: as_of is not a date between 1990 and 2100`);
		if (cell.suppressed) {
			if ([cell.value, cell.target, cell.ratio, cell.n, cell.projects].some((v) => v !== null))
				throw new PayloadError(`suppressed cell ${id} carries numbers`);
			continue;
		}
		const { n, value, ratio, projects } = cell;
		if (n === null || !Number.isInteger(n) || n < 0) throw new PayloadError(`cell ${id} has no count n`);
		if (!publishable(n, k))
			throw new PayloadError(`cell ${id} has n = ${n} < k = ${k} and is not suppressed`);
		for (const number of [value, cell.target, ratio, projects])
			if (number !== null && (!Number.isFinite(number) || number < 0))
				throw new PayloadError(`cell ${id}: numbers must be finite and not negative`);
		if (countsUnits(cell) && value !== null) {
			if (!publishable(Math.round(value), k))
				throw new PayloadError(`cell ${id} shows ${value} < k = ${k} and is not suppressed`);
			if (Math.round(value) !== n)
				throw new PayloadError(`cell ${id}: n = ${n} differs from its value ${value}`);
		}
		if (projects !== null && !publishable(projects, k))
			throw new PayloadError(`cell ${id} names ${projects} projects < k = ${k}`);
		if (ratio !== null && ratio > MAX_RATIO)
			throw new PayloadError(`cell ${id}: ratio ${ratio} beyond ${MAX_RATIO} (${MAX_RATIO * 100} %)`);
	}

	const byId = new Map(cells.map((c) => [cellId(c), c]));
	for (const margin of cubeMargins(cells)) {
		const total = byId.get(margin.total);
		if (!total || total.suppressed || total.value === null) continue;
		const parts = margin.parts.map((p) => byId.get(p)!);
		const hidden = parts.filter((p) => p.suppressed);
		if (hidden.length === 0) continue;
		const shown = parts.filter((p) => !p.suppressed).reduce((sum, p) => sum + (p.value ?? 0), 0);
		const hiddenSum = Math.round(total.value - shown);
		if (hidden.length === 1 || hiddenSum < k)
			throw new PayloadError(
				`${cellId(hidden[0]!)} could be recomputed from ${margin.total}: hidden parts hold ${hiddenSum} < k = ${k} or stand alone`
			);
	}
}

function checkText(where: string, text: string): void {
	if (text.length > MAX_TEXT) throw new PayloadError(`text longer than ${MAX_TEXT} characters in ${where}`);
	if (CONTROL.test(text)) throw new PayloadError(`control characters in ${where}`);
	if (EMAIL.test(text)) throw new PayloadError(`an e-mail address in ${where}: labels must name categories`);
}
