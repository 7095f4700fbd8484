import {
	Field,
	Float64,
	makeData,
	RecordBatch,
	Schema,
	Struct,
	Table,
	tableFromIPC,
	tableToIPC,
	Utf8,
	type Data
} from 'apache-arrow';
import { IpcError, readIpcHeader, type IpcHeader, type IpcLimits } from './ipc';
import {
	CUBE_COLUMNS,
	CUBE_VIEWS,
	MAX_CELLS,
	ROW_LEVEL_COLUMNS,
	type CubeCell,
	type CubeFilters,
	type CubeMeta
} from './schema';

/** The schema metadata key holding CubeMeta as JSON. */
export const META_KEY = 'wirkung.cube';

/** A payload that is not a well-formed cube; the message says what is wrong (shown to the publisher). */
export class PayloadError extends Error {}

/** Cube cells + metadata → Arrow IPC stream bytes, in the exact schema of CUBE_COLUMNS. */
export function encodeCube(cells: CubeCell[], meta: CubeMeta): Uint8Array {
	const fields = CUBE_COLUMNS.map((c) => new Field(c.name, c.type, c.nullable));
	const schema = new Schema(fields, new Map([[META_KEY, JSON.stringify(meta)]]));
	const children = CUBE_COLUMNS.map((c) => {
		const values = cells.map((cell) => cell[c.name]);
		return c.type instanceof Float64
			? float64Data(values as (number | null)[])
			: utf8Data(values as (string | null)[]);
	});
	const data = makeData({ type: new Struct(fields), length: cells.length, nullCount: 0, children });
	return tableToIPC(new Table([new RecordBatch(schema, data)]), 'stream');
}

/*
 * Columns are assembled by hand rather than with vectorFromArray: Arrow's builders compile their
 * null checks with `new Function`, which the app's CSP (no 'unsafe-eval') rightly forbids.
 */
function validity(values: unknown[]): { nullBitmap: Uint8Array; nullCount: number } {
	const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
	let nullCount = 0;
	values.forEach((v, i) => {
		if (v === null || v === undefined) nullCount++;
		else nullBitmap[i >> 3]! |= 1 << (i & 7);
	});
	return { nullBitmap, nullCount };
}

function float64Data(values: (number | null)[]): Data<Float64> {
	const data = Float64Array.from(values, (v) => v ?? 0);
	return makeData({ type: new Float64(), length: values.length, data, ...validity(values) });
}

function utf8Data(values: (string | null)[]): Data<Utf8> {
	const encoder = new TextEncoder();
	const parts = values.map((v) => encoder.encode(v ?? ''));
	const valueOffsets = new Int32Array(values.length + 1);
	parts.forEach((p, i) => (valueOffsets[i + 1] = valueOffsets[i]! + p.byteLength));
	const data = new Uint8Array(valueOffsets[values.length]!);
	parts.forEach((p, i) => data.set(p, valueOffsets[i]!));
	return makeData({ type: new Utf8(), length: values.length, valueOffsets, data, ...validity(values) });
}

/** Bounds on a payload's header, checked before any Arrow decoding (see ipc.ts). */
export const CUBE_LIMITS: IpcLimits = {
	maxFields: 64,
	maxRows: MAX_CELLS,
	maxBatches: 16,
	maxMetadataEntries: 4
};

/** A decoded Arrow table as plain data: what a decoding worker sends back (structured-clonable). */
export interface RawTable {
	names: string[];
	types: string[];
	/** One array per column, row values as apache-arrow returns them (string, number or null). */
	columns: unknown[][];
}

/** Arrow table → RawTable. The server's decoding worker (decode-worker.cjs) does the same. */
export function rawTable(table: Table): RawTable {
	const fields = table.schema.fields;
	return {
		names: fields.map((f) => f.name),
		types: fields.map((f) => String(f.type)),
		columns: fields.map((_, i) => [...(table.getChildAt(i) ?? [])] as unknown[])
	};
}

/** What the header check establishes before decoding: the metadata and the number of rows. */
export interface CheckedHeader {
	meta: CubeMeta;
	rows: number;
}

/**
 * Checks a payload's framing, header and schema (exactly the cube's columns and types, the cube
 * metadata) without decoding any Arrow data: bounded work for any bytes, so it may run on the
 * request thread. Never trusts the sender.
 */
export function checkHeader(bytes: Uint8Array): CheckedHeader {
	let header: IpcHeader;
	try {
		header = readIpcHeader(bytes, CUBE_LIMITS);
	} catch (error) {
		if (error instanceof IpcError || error instanceof TypeError)
			throw new PayloadError(`not an Arrow IPC stream: ${error.message}`);
		throw error;
	}
	checkColumns(
		header.fields.map((f) => f.name),
		header.fields.map((f) => f.type)
	);
	return { meta: parseMeta(header.metadata.get(META_KEY)), rows: header.rows };
}

/** Exactly the cube's columns, in order, of the cube's types; row-level names named first. */
function checkColumns(names: string[], types: string[]): void {
	const expected = CUBE_COLUMNS.map((c) => c.name);
	const rowLevel = names.filter((n) => ROW_LEVEL_COLUMNS.includes(n.toLowerCase()));
	if (rowLevel.length) throw new PayloadError(`row-level columns refused: ${rowLevel.join(', ')}`);
	const unknown = names.filter((n) => !(expected as string[]).includes(n));
	if (unknown.length) throw new PayloadError(`columns not allowed: ${unknown.join(', ')}`);
	if (names.join() !== expected.join())
		throw new PayloadError(`columns must be exactly: ${expected.join(', ')}`);
	CUBE_COLUMNS.forEach((c, i) => {
		if (types[i] !== String(c.type)) throw new PayloadError(`column ${c.name} must be ${c.type}`);
	});
}

/** The decoded columns → cells, checked against what the header promised. */
export function cubeFromRaw(header: CheckedHeader, raw: RawTable): { meta: CubeMeta; cells: CubeCell[] } {
	checkColumns(raw.names, raw.types);
	if (
		raw.columns.length !== CUBE_COLUMNS.length ||
		raw.columns.some((column) => column.length !== header.rows)
	)
		throw new PayloadError('decoded rows differ from the header');
	const expected = CUBE_COLUMNS.map((c) => c.name);
	const cells: CubeCell[] = [];
	for (let row = 0; row < header.rows; row++) {
		const cell = Object.fromEntries(
			expected.map((name, i) => [name, raw.columns[i]![row] ?? null])
		) as unknown as CubeCell;
		if (!(CUBE_VIEWS as readonly string[]).includes(cell.view))
			throw new PayloadError(`unknown view: ${cell.view}`);
		if (cell.suppressed !== null && cell.suppressed !== 'primary' && cell.suppressed !== 'secondary')
			throw new PayloadError(`unknown suppression: ${cell.suppressed}`);
		cells.push(cell);
	}
	return { meta: header.meta, cells };
}

/**
 * Arrow IPC bytes → cube, refusing anything that is not exactly the cube schema: unknown, missing,
 * re-typed or reordered columns, unknown views, malformed metadata. The header is checked before
 * apache-arrow sees the bytes. Synchronous: the server decodes in a worker instead (decode.ts).
 */
export function decodeCube(bytes: Uint8Array): { meta: CubeMeta; cells: CubeCell[] } {
	const header = checkHeader(bytes);
	let table: Table;
	try {
		table = tableFromIPC(bytes);
	} catch {
		throw new PayloadError('not an Arrow IPC stream');
	}
	return cubeFromRaw(header, rawTable(table));
}

/** The cube metadata (schema metadata JSON) checked key by key; PayloadError says what is wrong. */
export function parseMeta(json: string | undefined): CubeMeta {
	if (!json) throw new PayloadError(`schema metadata ${META_KEY} missing`);
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch {
		throw new PayloadError(`schema metadata ${META_KEY} is not JSON`);
	}
	const meta = value as Partial<CubeMeta>;
	const keys = Object.keys(meta ?? {})
		.filter((key) => key !== 'filters' && key !== 'since')
		.sort();
	if (typeof value !== 'object' || value === null || keys.join() !== 'asOf,k,title,views')
		throw new PayloadError(
			'metadata must have exactly: asOf, k, title, views (and optionally since, filters)'
		);
	if (typeof meta.title !== 'string' || meta.title.length > 200)
		throw new PayloadError('title: text up to 200 characters');
	if (typeof meta.k !== 'number' || !Number.isInteger(meta.k)) throw new PayloadError('k: an integer');
	if (meta.asOf !== null && !(typeof meta.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(meta.asOf)))
		throw new PayloadError('asOf: an ISO date or null');
	if (
		meta.since !== undefined &&
		meta.since !== null &&
		!(typeof meta.since === 'string' && ISO_DATE.test(meta.since))
	)
		throw new PayloadError('since: an ISO date or null');
	if (!Array.isArray(meta.views) || !meta.views.every((v) => (CUBE_VIEWS as readonly string[]).includes(v)))
		throw new PayloadError(`views: a list of ${CUBE_VIEWS.join(', ')}`);
	if ('filters' in meta) checkFilters(meta.filters);
	return meta as CubeMeta;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_FILTER_VALUES = 100;
const MAX_FILTER_TEXT = 200;

/** The published filters: exactly CubeFilters' keys, ISO dates, short texts, bounded lists. */
function checkFilters(value: unknown): asserts value is CubeFilters {
	const fail = (what: string): never => {
		throw new PayloadError(`filters: ${what}`);
	};
	if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('an object');
	const filters = value as Record<string, unknown>;
	const expected = 'indicators,municipalities,periodFrom,periodTo,projects,states';
	if (Object.keys(filters).sort().join() !== expected) fail(`exactly ${expected}`);
	for (const key of ['periodFrom', 'periodTo'])
		if (filters[key] !== null && !(typeof filters[key] === 'string' && ISO_DATE.test(filters[key])))
			fail(`${key}: an ISO date or null`);
	const text = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= MAX_FILTER_TEXT;
	const list = (key: string, ok: (v: unknown) => boolean) => {
		const values = filters[key];
		if (!Array.isArray(values) || values.length > MAX_FILTER_VALUES || !values.every(ok))
			fail(`${key}: up to ${MAX_FILTER_VALUES} values`);
	};
	const named = (v: unknown) => {
		const keys = typeof v === 'object' && v !== null ? Object.keys(v).sort().join() : '';
		const { id, name } = v as { id?: unknown; name?: unknown };
		return keys === 'id,name' && text(id) && text(name);
	};
	list('states', text);
	list('municipalities', text);
	list('projects', named);
	list('indicators', named);
}
