import type { Engine, SqlParam } from '../engine';
import { toRows } from '../engine/rows';
import { allOf, NO_FILTERS, type Filters, type SqlCondition } from './filters';

/**
 * Conditions on `sessions` (alias s) and `participation` (alias pt) for an event and the filters
 * that apply to events: session dates inside the period range, municipality and Land (through the
 * municipalities of the projects). Projects, indicators, gender and age group do not describe
 * event participation and are ignored.
 */
export function participationWhere(filters: Filters, event: string | null): SqlCondition {
	const out: SqlCondition[] = [];
	if (event !== null) out.push({ sql: 's.event = ?', params: [event] });
	if (filters.periodFrom) out.push({ sql: 's.date >= CAST(? AS DATE)', params: [filters.periodFrom] });
	if (filters.periodTo)
		out.push({ sql: 'coalesce(s.end_date, s.date) <= CAST(? AS DATE)', params: [filters.periodTo] });
	if (filters.municipalities.length)
		out.push({
			sql: `pt.municipality IN (${filters.municipalities.map(() => '?').join(', ')})`,
			params: filters.municipalities
		});
	if (filters.states.length)
		out.push({
			sql: `pt.municipality IN (SELECT municipality FROM projects WHERE state IN (${filters.states.map(() => '?').join(', ')}))`,
			params: filters.states
		});
	return allOf(out);
}

export interface SessionParticipation {
	sessionId: string;
	title: string;
	kind: string;
	date: string | null;
	registered: number | null;
	/** Sum of participants; for a chat phase the sum over its groups (one person may join several). */
	participants: number;
	posts: number | null;
	/** Participation rows the figure is based on. */
	n: number;
}

export interface GroupParticipation {
	groupId: string;
	topic: string;
	participants: number;
	posts: number | null;
	n: number;
}

/** Participants of one role (or one municipality) in one session. */
export interface ParticipationCell {
	key: string;
	sessionId: string;
	participants: number;
}

/** Participants at kickoff and closing of one role, and the share still there at the end. */
export interface Retention {
	/** Role; null = everyone. */
	role: string | null;
	kickoff: number;
	closing: number;
	/** closing / kickoff (may exceed 1 when people join late); null when nobody came to the kickoff. */
	retention: number | null;
}

async function rows<T>(engine: Engine, sql: string, params: SqlParam[]) {
	return toRows<T>(await engine.query(sql, params));
}

const FROM = 'participation pt JOIN sessions s USING (session_id)';

/** Participants per session of an event, in date order. */
export async function participationBySession(
	engine: Engine,
	filters: Filters = NO_FILTERS,
	event: string | null = null
): Promise<SessionParticipation[]> {
	const where = participationWhere(filters, event);
	return rows(
		engine,
		`SELECT s.session_id AS "sessionId", any_value(s.title) AS title, any_value(s.kind) AS kind,
			strftime(any_value(s.date), '%Y-%m-%d') AS date,
			sum(pt.registered) AS registered, coalesce(sum(pt.participants), 0) AS participants, sum(pt.posts) AS posts,
			CAST(count(*) AS INTEGER) AS n
		FROM ${FROM} WHERE ${where.sql}
		GROUP BY s.session_id ORDER BY min(s.date), s.session_id`,
		where.params
	);
}

/** Participants and posts per chat group. */
export async function participationByGroup(
	engine: Engine,
	filters: Filters = NO_FILTERS,
	event: string | null = null
): Promise<GroupParticipation[]> {
	const where = participationWhere(filters, event);
	return rows(
		engine,
		`SELECT pt.group_id AS "groupId", coalesce(any_value(g.topic), pt.group_id) AS topic,
			coalesce(sum(pt.participants), 0) AS participants, sum(pt.posts) AS posts, CAST(count(*) AS INTEGER) AS n
		FROM ${FROM} LEFT JOIN chat_groups g ON g.group_id = pt.group_id
		WHERE pt.group_id IS NOT NULL AND ${where.sql}
		GROUP BY pt.group_id ORDER BY pt.group_id`,
		where.params
	);
}

/** Participants per role (or municipality) and session; rows without a value are "not stated". */
export async function participationBy(
	engine: Engine,
	by: 'role' | 'municipality',
	filters: Filters = NO_FILTERS,
	event: string | null = null
): Promise<ParticipationCell[]> {
	const where = participationWhere(filters, event);
	const column = by === 'role' ? 'pt.role' : 'pt.municipality';
	return rows(
		engine,
		`SELECT coalesce(${column}, '') AS key, pt.session_id AS "sessionId", coalesce(sum(pt.participants), 0) AS participants
		FROM ${FROM} WHERE ${where.sql}
		GROUP BY 1, 2 ORDER BY 1, min(s.date)`,
		where.params
	);
}

/**
 * Retention kickoff → closing per role and overall: participants of the event's 'kickoff' session(s)
 * against its 'closing' session(s). Aggregated counts cannot follow a person, so this compares
 * head counts.
 */
export async function retention(
	engine: Engine,
	filters: Filters = NO_FILTERS,
	event: string | null = null
): Promise<Retention[]> {
	const where = participationWhere(filters, event);
	return rows(
		engine,
		`WITH counts AS (
			SELECT CASE WHEN GROUPING(pt.role) = 1 THEN NULL ELSE coalesce(pt.role, '') END AS role,
				coalesce(sum(pt.participants) FILTER (WHERE s.kind = 'kickoff'), 0) AS kickoff,
				coalesce(sum(pt.participants) FILTER (WHERE s.kind = 'closing'), 0) AS closing
			FROM ${FROM} WHERE s.kind IN ('kickoff', 'closing') AND ${where.sql}
			GROUP BY ROLLUP (pt.role)
		)
		SELECT role, kickoff, closing, CASE WHEN kickoff > 0 THEN closing / kickoff END AS retention
		FROM counts ORDER BY role IS NULL, role`,
		where.params
	);
}

/** Distinct event names, for the event pages. */
export async function events(
	engine: Engine
): Promise<{ event: string; sessions: number; from: string | null }[]> {
	return rows(
		engine,
		`SELECT event, CAST(count(*) AS INTEGER) AS sessions, strftime(min(date), '%Y-%m-%d') AS "from"
		FROM sessions WHERE event IS NOT NULL GROUP BY event ORDER BY min(date)`,
		[]
	);
}
