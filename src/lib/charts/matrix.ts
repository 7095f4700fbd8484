/** Participants per key (role, municipality) and session, as plotted: keys by total, largest first. */
export interface Matrix {
	keys: string[];
	/** values[session index][key index] */
	values: number[][];
	/** Keys left out beyond the limit. */
	omitted: number;
}

/** Pivots (key, session, participants) cells; keeps the `limit` largest keys by total. */
export function participationMatrix(
	cells: { key: string; sessionId: string; participants: number }[],
	sessionIds: string[],
	limit = Infinity
): Matrix {
	const totals = new Map<string, number>();
	for (const c of cells) totals.set(c.key, (totals.get(c.key) ?? 0) + c.participants);
	const all = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
	const keys = all.slice(0, limit);
	const values = sessionIds.map((s) =>
		keys.map((k) =>
			cells.filter((c) => c.key === k && c.sessionId === s).reduce((sum, c) => sum + c.participants, 0)
		)
	);
	return { keys, values, omitted: all.length - keys.length };
}
