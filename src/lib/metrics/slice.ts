import type { AttainmentDimension, AttainmentRow, GroupActual, TargetBasis } from './attainment';
import type { Filters } from './filters';
import { hasPlaceFilter } from './filters';
import type { ProgrammeOverview } from './overview';

/**
 * The attainment and overview figures computed in the tab's memory from the actual rows of one
 * breakdown row kind, held column-wise (see sources.ts `heldActuals`). Each function here answers
 * what one SQL builder answers — sliceProjectActuals as projectActualsSql, attainmentOfSlice as
 * attainmentSql, overviewOfSlice as programmeOverviewSql — and tests/unit/coordinator.test.ts
 * holds them equal on the sample. Why both: in the browser's single-threaded DuckDB every join or
 * GROUP BY costs milliseconds however few its rows, and a dashboard's filter change asks for a
 * dozen of them over ~10⁴ per-project rows, which a loop here answers in well under one.
 */

/** A day as days since 1970-01-01 (UTC), the way the held columns store dates. */
export type Day = number;

/** Stands for NULL in a held date column. */
export const NO_DAY: Day = -2147483648;

/** The actual rows of one breakdown row kind, one typed array per column, in the facts table's order. */
export interface HeldActuals {
	/** The row's (indicator, project) pair: an index into the pairs (see ProjectPair). */
	pair: Int32Array;
	periodStart: Int32Array;
	periodEnd: Int32Array;
	/** NaN where the row has no value (ingest never loads a value that is not finite). */
	value: Float64Array;
	/** 1 where the row is a running total. */
	cumulative: Uint8Array;
	/** How the row was derived from a breakdown (DERIVED flags of totals.ts); 0 = reported. */
	derived: Uint8Array;
}

/** An (indicator, project) pair of the actual rows with its indicator's aggregation and its project's places. */
export interface ProjectPair {
	indicatorId: string;
	projectId: string;
	aggregation: string | null;
	projectName: string | null;
	municipality: string | null;
	state: string | null;
}

/** The actuals of one (indicator, project) pair within a filter slice (one row of projectActualsSql). */
export interface ProjectActual extends ProjectPair {
	actual: number | null;
	/** Values counted. */
	n: number;
	lastPeriod: Day | null;
	firstPeriod: Day | null;
	/** Sum of the values that are not running totals. */
	flow: number | null;
	/** Union of the rows' DERIVED flags (totals.ts). */
	derived: number;
}

/** A target or milestone with its places (one row of TARGET_FACTS_SQL). */
export interface TargetFact {
	indicatorId: string;
	scope: string;
	scopeId: string | null;
	periodStart: Day | null;
	periodEnd: Day | null;
	targetValue: number | null;
	targetType: 'target' | 'milestone';
	aggregation: string | null;
	projectMunicipality: string | null;
	projectState: string | null;
	municipalityState: string | null;
	municipalityStates: string[];
}

/** An indicator as attainment labels it. */
export interface IndicatorFact {
	indicatorId: string;
	name: string;
	unit: string | null;
	esfCode: string | null;
	direction: string | null;
	/** 'sum', 'mean' or 'last' (absent: sum). */
	aggregation?: string | null;
}

/** A project's places, for the overview's counts. */
export interface ProjectPlace {
	projectId: string;
	municipality: string | null;
	state: string | null;
}

/** An ISO date (YYYY-MM-DD) as a Day. */
export function dayOf(iso: string): Day {
	return (
		Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000
	);
}

const isoDays = new Map<Day, string>();

/** A Day as an ISO date, as strftime(…, '%Y-%m-%d') writes it (remembered: the data has few distinct days). */
export function isoOf(day: Day | null): string | null {
	if (day === null) return null;
	let iso = isoDays.get(day);
	if (iso === undefined) isoDays.set(day, (iso = new Date(day * 86_400_000).toISOString().slice(0, 10)));
	return iso;
}

/** The period range of the filters as Days (null = open). */
function periodRange(filters: Filters): { from: Day | null; to: Day | null } {
	return {
		from: filters.periodFrom === null ? null : dayOf(filters.periodFrom),
		to: filters.periodTo === null ? null : dayOf(filters.periodTo)
	};
}

/**
 * The actuals per pair within the filters' period range (the rows are of the filters' breakdown
 * kind already): periods summed, rates averaged, and where the indicator counts its last value or
 * a row is a running total, the value of the latest period (the first such row on a tie, as
 * DuckDB's arg_max keeps it). Pairs with no row in the range are left out.
 */
export function sliceProjectActuals(
	rows: HeldActuals,
	pairs: ProjectPair[],
	filters: Filters
): ProjectActual[] {
	const { from, to } = periodRange(filters);
	const size = pairs.length;
	const seen = new Uint8Array(size);
	const latest = new Uint8Array(size);
	const n = new Int32Array(size);
	const sum = new Float64Array(size);
	const flowN = new Int32Array(size);
	const flow = new Float64Array(size);
	const lastValue = new Float64Array(size);
	const last = new Int32Array(size).fill(NO_DAY);
	const first = new Int32Array(size).fill(NO_DAY);
	const flags = new Uint8Array(size);
	const { pair, periodStart, periodEnd, value, cumulative, derived } = rows;
	for (let i = 0; i < pair.length; i++) {
		const start = periodStart[i]!;
		const end = periodEnd[i]!;
		if (from !== null && (start === NO_DAY || start < from)) continue;
		if (to !== null && (end === NO_DAY || end > to)) continue;
		const p = pair[i]!;
		seen[p] = 1;
		flags[p]! |= derived[i]!;
		if (cumulative[i]) latest[p] = 1;
		const v = value[i]!;
		if (Number.isNaN(v)) continue;
		n[p]!++;
		sum[p]! += v;
		if (!cumulative[i]) {
			flowN[p]!++;
			flow[p]! += v;
		}
		if (end !== NO_DAY && (last[p] === NO_DAY || end > last[p]!)) {
			last[p] = end;
			lastValue[p] = v;
		}
		if (start !== NO_DAY && (first[p] === NO_DAY || start < first[p]!)) first[p] = start;
	}
	const out: ProjectActual[] = [];
	for (let p = 0; p < size; p++) {
		if (!seen[p]) continue;
		const info = pairs[p]!;
		const count = n[p]!;
		let actual: number | null = null;
		if (count > 0) {
			if (info.aggregation === 'mean') actual = sum[p]! / count;
			else if (info.aggregation === 'last' || latest[p]) actual = last[p] === NO_DAY ? null : lastValue[p]!;
			else actual = sum[p]!;
		}
		// Written out, not spread: objects of one literal share a shape, and the figures read them in hot loops.
		out.push({
			indicatorId: info.indicatorId,
			projectId: info.projectId,
			aggregation: info.aggregation,
			projectName: info.projectName,
			municipality: info.municipality,
			state: info.state,
			actual,
			n: count,
			lastPeriod: last[p] === NO_DAY ? null : last[p]!,
			firstPeriod: first[p] === NO_DAY ? null : first[p]!,
			flow: flowN[p]! > 0 ? flow[p]! : null,
			derived: flags[p]!
		});
	}
	return out;
}

/** A list filter as a test of one value: empty = everything passes, NULL never matches a chosen value. */
function listTest(values: string[]): (value: string | null) => boolean {
	if (values.length === 0) return () => true;
	const set = new Set(values);
	return (value) => value !== null && set.has(value);
}

/** actualsKeys as a test of one pair: the place and indicator filters. */
function pairTest(filters: Filters): (pa: ProjectActual) => boolean {
	const project = listTest(filters.projects);
	const state = listTest(filters.states);
	const municipality = listTest(filters.municipalities);
	const indicator = listTest(filters.indicators);
	return (pa) =>
		project(pa.projectId) && state(pa.state) && municipality(pa.municipality) && indicator(pa.indicatorId);
}

/** The place and indicator filters as a test of one target (the period range: see targetShare). */
function targetTest(filters: Filters): (t: TargetFact) => boolean {
	const indicator = listTest(filters.indicators);
	const places = hasPlaceFilter(filters);
	const project = listTest(filters.projects);
	const state = listTest(filters.states);
	const municipality = listTest(filters.municipalities);
	const states = new Set(filters.states);
	return (t) => {
		if (!indicator(t.indicatorId)) return false;
		if (!places) return true;
		if (t.scope === 'project')
			return project(t.scopeId) && state(t.projectState) && municipality(t.projectMunicipality);
		if (t.scope === 'municipality')
			return (
				filters.projects.length === 0 &&
				municipality(t.scopeId) &&
				(states.size === 0 || t.municipalityStates.some((s) => states.has(s)))
			);
		return false;
	};
}

/**
 * The part of a target that falls into the period range [from, to] (an open end takes the
 * target's own): 1 for a target inside the range (or no range at all), the share of its days for
 * one that overlaps it (linear pro-rating, DESIGN.md §5), null for one outside it. A rate's target
 * ('mean') holds for any part of its period, so it is not pro-rated.
 */
export function targetShare(t: TargetFact, from: Day | null, to: Day | null, mean: boolean): number | null {
	if (from === null && to === null) return 1;
	if (t.periodStart === null || t.periodEnd === null) return null;
	const start = Math.max(from ?? t.periodStart, t.periodStart);
	const end = Math.min(to ?? t.periodEnd, t.periodEnd);
	if (end < start) return null;
	if (mean) return 1;
	return (end - start + 1) / (t.periodEnd - t.periodStart + 1);
}

/** Which target scopes count per dimension, and a target's group key (KEYS in attainment.ts). */
const TARGET_SCOPES: Record<AttainmentDimension, string[]> = {
	indicator: ['programme', 'municipality', 'project'],
	project: ['project'],
	municipality: ['municipality', 'project'],
	state: ['municipality', 'project']
};

function targetKey(by: AttainmentDimension, t: TargetFact): string | null {
	if (by === 'indicator') return t.indicatorId;
	if (by === 'project') return t.scopeId;
	if (by === 'municipality') return t.scope === 'municipality' ? t.scopeId : t.projectMunicipality;
	return t.scope === 'municipality' ? t.municipalityState : t.projectState;
}

function actualKey(by: AttainmentDimension, pa: ProjectActual): string | null {
	if (by === 'indicator') return pa.indicatorId;
	if (by === 'project') return pa.projectId;
	return by === 'municipality' ? pa.municipality : pa.state;
}

/** A target scope's rank: a broader scope before a narrower one. */
function scopeRank(scope: string): number {
	return scope === 'programme' ? 0 : scope === 'municipality' ? 1 : 2;
}

/** The order of what a target compares with, before the scope (rank = basis × 10 + scope). */
const BASIS_RANK: Record<TargetBasis, number> = { period: 0, milestone: 1, prorated: 2 };

/** Sums (or for rates, means) of non-null numbers; null when there are none. */
class Total {
	sum = 0;
	count = 0;
	add(value: number | null): void {
		if (value === null) return;
		this.sum += value;
		this.count++;
	}
	value(mean: boolean): number | null {
		if (this.count === 0) return null;
		return mean ? this.sum / this.count : this.sum;
	}
}

/** Rows of one indicator, kept per array of rows (an index of the held rows, built once). */
const indexes = new WeakMap<object, Map<string, unknown[]>>();

/** The rows the indicator filter leaves, read through a per-indicator index of `rows`. */
function rowsOf<T extends { indicatorId: string }>(rows: T[], indicators: string[]): T[][] {
	let index = indexes.get(rows) as Map<string, T[]> | undefined;
	if (!index) {
		index = new Map();
		for (const row of rows) {
			const list = index.get(row.indicatorId);
			if (list) list.push(row);
			else index.set(row.indicatorId, [row]);
		}
		indexes.set(rows, index);
	}
	if (indicators.length === 0) return [...index.values()];
	return [...new Set(indicators)].map((id) => index.get(id) ?? []);
}

/** Per indicator, per group key (NULL a key of its own, as in GROUP BY): nested maps, no key strings to build. */
class Grouped<T> {
	readonly #groups = new Map<string, Map<string | null, T>>();
	get(indicatorId: string, key: string | null): T | undefined {
		return this.#groups.get(indicatorId)?.get(key);
	}
	/** The groups of one indicator. */
	of(indicatorId: string): Iterable<T> {
		return this.#groups.get(indicatorId)?.values() ?? [];
	}
	getOr(indicatorId: string, key: string | null, create: () => T): T {
		let groups = this.#groups.get(indicatorId);
		if (!groups) this.#groups.set(indicatorId, (groups = new Map()));
		let group = groups.get(key);
		if (group === undefined) groups.set(key, (group = create()));
		return group;
	}
	entries(): IterableIterator<[string, Map<string | null, T>]> {
		return this.#groups.entries();
	}
}

/** The target a group's actuals are compared with, and what it is. */
export interface PickedTarget {
	value: number;
	basis: TargetBasis;
}

/**
 * The target per indicator and group key (README "Attainment under a period range"): without a
 * period range the targets of the group (a milestone only where it has none); with one, (1) the targets of
 * the range's period (each inside it), else (2) the milestone (Etappenziel) due at the range's end,
 * compared with the running total up to that date, else (3) the targets overlapping the range,
 * pro-rated linearly to it ("anteilig"). Within each, a broader scope wins (programme >
 * municipality > sum of projects). Targets are summed per scope (averaged for rates).
 */
function pickedTargets(
	targets: TargetFact[],
	indicators: Map<string, IndicatorFact>,
	filters: Filters,
	by: AttainmentDimension
): Grouped<PickedTarget> {
	const scopes = TARGET_SCOPES[by];
	const selected = targetTest(filters);
	const { from, to } = periodRange(filters);
	// Per rank (basis × 10 + scope): the sum (or mean) of the group's targets of that rank.
	const sums = new Grouped<{ totals: (Total | undefined)[]; partial: boolean[]; mean: boolean }>();
	for (const list of rowsOf(targets, filters.indicators))
		for (const t of list) {
			if (!scopes.includes(t.scope) || !selected(t) || t.targetValue === null) continue;
			const key = targetKey(by, t);
			if (key === null) continue;
			const mean = (indicators.get(t.indicatorId)?.aggregation ?? t.aggregation) === 'mean';
			const entry = sums.getOr(t.indicatorId, key, () => ({ totals: [], partial: [], mean }));
			const scope = scopeRank(t.scope);
			if (t.targetType === 'milestone') {
				// Due at the range's end; without any range, the last resort where a group has no target.
				const due = to !== null && t.periodEnd === to;
				if (!due && (to !== null || from !== null)) continue;
				(entry.totals[10 + scope] ??= new Total()).add(t.targetValue);
				continue;
			}
			const share = targetShare(t, from, to, mean);
			if (share === null) continue;
			(entry.totals[scope] ??= new Total()).add(t.targetValue * share);
			if (share < 1) entry.partial[scope] = true;
		}
	const picked = new Grouped<PickedTarget>();
	for (const [indicatorId, groups] of sums.entries())
		for (const [key, { totals, partial, mean }] of groups) {
			let best: { rank: number; target: PickedTarget } | null = null;
			totals.forEach((total, rank) => {
				const value = total?.value(mean) ?? null;
				if (value === null) return;
				const basis: TargetBasis = rank >= 10 ? 'milestone' : partial[rank] ? 'prorated' : 'period';
				const ranked = BASIS_RANK[basis] * 10 + (rank % 10);
				if (!best || ranked < best.rank) best = { rank: ranked, target: { value, basis } };
			});
			if (best) picked.getOr(indicatorId, key, () => best!.target);
		}
	return picked;
}

interface Group {
	key: string | null;
	actual: Total;
	mean: boolean;
	projects: number;
	n: number;
	last: Day | null;
	first: Day | null;
	projectName: string | null;
	derived: number;
}

/** attainmentSql's `grouped`: the selected pairs summed (rates averaged) per indicator and group key. */
function groupActuals(slice: ProjectActual[], filters: Filters, by: AttainmentDimension): Grouped<Group> {
	const groups = new Grouped<Group>();
	const selected = pairTest(filters);
	for (const list of rowsOf(slice, filters.indicators))
		for (const pa of list) {
			if (!selected(pa)) continue;
			const key = actualKey(by, pa);
			const g = groups.getOr(pa.indicatorId, key, () => ({
				key,
				actual: new Total(),
				mean: pa.aggregation === 'mean',
				projects: 0,
				n: 0,
				last: null,
				first: null,
				projectName: null,
				derived: 0
			}));
			g.actual.add(pa.actual);
			if (pa.n > 0) g.projects++;
			g.n += pa.n;
			if (pa.lastPeriod !== null && (g.last === null || pa.lastPeriod > g.last)) g.last = pa.lastPeriod;
			if (pa.firstPeriod !== null && (g.first === null || pa.firstPeriod < g.first)) g.first = pa.firstPeriod;
			g.projectName ??= pa.projectName;
			g.derived |= pa.derived;
		}
	return groups;
}

/** actual ÷ target (target ÷ actual where less is better), only where both are there and the divisor is positive. */
function attainmentOf(actual: number | null, target: number | null, direction: string | null): number | null {
	if (target === null || target <= 0 || actual === null) return null;
	if (direction === 'down') return actual > 0 ? target / actual : null;
	return actual / target;
}

/** Strings as DuckDB orders them (by code point), NULL last. */
function compareKeys(a: string | null, b: string | null): number {
	if (a === b) return 0;
	if (a === null) return 1;
	if (b === null) return -1;
	return a < b ? -1 : 1;
}

/**
 * Attainment per indicator and group (DESIGN.md §5) from a slice of per-project actuals
 * (sliceProjectActuals of the filters' period range and row kind), the target facts and the
 * indicators. Actuals: per project first, then summed over projects (averaged for rates). Target:
 * see pickedTargets; where it is a milestone due at the range's end, the actuals are those of
 * `cumulative` (the slice from the beginning up to the range's end). Division only where the
 * target (or, for direction 'down', the actual) is positive. Rows are ordered by indicator and key.
 */
export function attainmentOfSlice(
	slice: ProjectActual[],
	targets: TargetFact[],
	indicators: IndicatorFact[],
	filters: Filters,
	by: AttainmentDimension,
	cumulative: ProjectActual[] = slice
): AttainmentRow[] {
	const groups = groupActuals(slice, filters, by);
	let running: Grouped<Group> | null = null;
	const byId = new Map(indicators.map((i) => [i.indicatorId, i]));
	const picked = pickedTargets(targets, byId, filters, by);
	const row = (
		i: IndicatorFact,
		key: string | null,
		label: string | null,
		inRange: Group | undefined
	): AttainmentRow => {
		const pick = key === null ? null : (picked.get(i.indicatorId, key) ?? null);
		let g = inRange;
		if (pick?.basis === 'milestone' && cumulative !== slice)
			g = (running ??= groupActuals(cumulative, filters, by)).get(i.indicatorId, key);
		const actual = g ? g.actual.value(g.mean) : null;
		const target = pick?.value ?? null;
		return {
			key: key as string,
			label: label as string,
			indicatorId: i.indicatorId,
			name: i.name,
			unit: i.unit,
			esfCode: i.esfCode,
			actual,
			target,
			attainment: attainmentOf(actual, target, i.direction),
			projects: g?.projects ?? 0,
			n: g?.n ?? 0,
			asOf: isoOf(g?.last ?? null),
			since: isoOf(g?.first ?? null),
			derived: g?.derived ?? 0,
			basis: pick?.basis ?? null
		};
	};
	const rows: AttainmentRow[] = [];
	if (by === 'indicator') {
		for (const i of indicators) {
			if (filters.indicators.length && !filters.indicators.includes(i.indicatorId)) continue;
			rows.push(row(i, i.indicatorId, i.name, groups.get(i.indicatorId, i.indicatorId)));
		}
	} else {
		for (const list of rowsOf(indicators, []))
			for (const i of list)
				for (const g of groups.of(i.indicatorId))
					rows.push(row(i, g.key, by === 'project' ? g.projectName : g.key, g));
	}
	return rows.sort((a, b) => compareKeys(a.indicatorId, b.indicatorId) || compareKeys(a.key, b.key));
}

/**
 * Attainment under a gender or age-group filter (README "Attainment under a breakdown filter"):
 * targets exist for totals only, so each row is the total's (actual, target, attainment of the
 * same filters without the breakdown) with the group's actuals beside it and their share of the
 * total's actual (none for rates: a share of a mean means nothing). A group's actual is never
 * divided by the whole target.
 */
export function withGroup(
	total: AttainmentRow[],
	group: AttainmentRow[],
	indicators: IndicatorFact[]
): AttainmentRow[] {
	const mean = new Set(indicators.filter((i) => i.aggregation === 'mean').map((i) => i.indicatorId));
	const groups = new Map(group.map((g) => [`${g.indicatorId}\u0000${g.key}`, g]));
	return total.map((row) => {
		const g = groups.get(`${row.indicatorId}\u0000${row.key}`);
		const actual = g?.actual ?? null;
		const share =
			mean.has(row.indicatorId) || actual === null || row.actual === null || row.actual <= 0
				? null
				: actual / row.actual;
		const part: GroupActual = {
			actual,
			share,
			n: g?.n ?? 0,
			projects: g?.projects ?? 0,
			derived: g?.derived ?? 0
		};
		return { ...row, group: part };
	});
}

/** The ESF indicators whose flows the overview adds up as participants (CO01 + CO03 + CO05). */
const PARTICIPANT_CODES = ['CO01', 'CO03', 'CO05'];

/** programmeOverviewSql from a slice of per-project actuals (the indicator filter does not apply). */
export function overviewOfSlice(
	slice: ProjectActual[],
	indicators: IndicatorFact[],
	projects: ProjectPlace[],
	filters: Filters
): ProgrammeOverview {
	const selected = pairTest({ ...filters, indicators: [] });
	const codes = new Map<string, (string | null)[]>();
	for (const i of indicators) codes.set(i.indicatorId, [...(codes.get(i.indicatorId) ?? []), i.esfCode]);
	const chosen = new Set<string>();
	const participants = new Total();
	const enterprises = new Total();
	let asOf: Day | null = null;
	for (const pa of slice) {
		if (!selected(pa)) continue;
		// One row per indicator listed under the pair's id, as the join with the indicators gives.
		for (const code of codes.get(pa.indicatorId) ?? []) {
			chosen.add(pa.projectId);
			if (code !== null && PARTICIPANT_CODES.includes(code)) participants.add(pa.flow);
			if (code === 'CO23') enterprises.add(pa.flow);
			if (pa.lastPeriod !== null && (asOf === null || pa.lastPeriod > asOf)) asOf = pa.lastPeriod;
		}
	}
	const places = projects.filter((p) => chosen.has(p.projectId));
	const distinct = (values: (string | null)[]) => new Set(values.filter((v) => v !== null)).size;
	return {
		projects: places.length,
		municipalities: distinct(places.map((p) => p.municipality)),
		states: distinct(places.map((p) => p.state)),
		participants: participants.value(false),
		enterprises: enterprises.value(false),
		asOf: isoOf(asOf)
	};
}
