/**
 * Whether two results of a view's load hold the same data: plain objects, arrays and primitives,
 * compared in depth (NaN equals NaN, -0 equals 0, as their JSON would). It stops at the first
 * difference and builds nothing, where comparing the results' JSON wrote out every row of both
 * (a ranking holds a row per project) on each filter change.
 */
export function sameData(a: unknown, b: unknown): boolean {
	if (a === b || (a !== a && b !== b)) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b))
		return false;
	if (Array.isArray(a)) {
		const other = b as unknown[];
		if (a.length !== other.length) return false;
		for (let i = 0; i < a.length; i++) if (!sameData(a[i], other[i])) return false;
		return true;
	}
	const left = a as Record<string, unknown>;
	const right = b as Record<string, unknown>;
	const keys = Object.keys(left);
	if (keys.length !== Object.keys(right).length) return false;
	for (const key of keys) if (!Object.hasOwn(right, key) || !sameData(left[key], right[key])) return false;
	return true;
}
