/**
 * Reads the framing of an Arrow IPC stream and the flatbuffer headers of its messages, with every
 * offset, length and count bounds-checked, before any Arrow decoding. Why by hand: apache-arrow
 * trusts the counts in a message header (one changed byte in the schema's custom-metadata count made
 * `tableFromIPC` loop for minutes on the request thread), so what a payload claims must be checked
 * against the bytes it has and the cube's fixed shape first. Reads only what the bounds need: field
 * names and types, schema metadata, record batch lengths and buffer extents; values stay unread.
 *
 * Format: https://arrow.apache.org/docs/format/Columnar.html#serialization-and-interprocess-communication-ipc
 * (Message.fbs, Schema.fbs). Each message: [0xFFFFFFFF] int32 metadata size, a flatbuffer Message,
 * then bodyLength bytes of body; the stream ends with a zero size or at the end of the bytes.
 */

/** What the header says about the payload's columns and batches. */
export interface IpcHeader {
	fields: { name: string; type: IpcType }[];
	/** The schema's custom metadata (key → value). */
	metadata: Map<string, string>;
	/** Rows over all record batches. */
	rows: number;
}

/** A column type as far as the cube needs to tell them apart. */
export type IpcType = 'Utf8' | 'Float64' | 'other';

/** Thrown for anything that is not a well-formed, bounded IPC stream; the message says what. */
export class IpcError extends Error {}

/** Bounds on what a cube payload may claim; generous for a real cube, tiny against an attack. */
export interface IpcLimits {
	maxFields: number;
	maxRows: number;
	maxBatches: number;
	maxMetadataEntries: number;
}

const CONTINUATION = 0xffffffff;
const HEADER_SCHEMA = 1;
const HEADER_RECORD_BATCH = 3;
const TYPE_FLOATING_POINT = 3;
const TYPE_UTF8 = 5;
const PRECISION_DOUBLE = 2;

/** A bounds-checked view of one flatbuffer (a message's metadata). */
class Flat {
	private readonly view: DataView;
	constructor(private readonly bytes: Uint8Array) {
		this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	}
	private need(pos: number, size: number): void {
		if (!Number.isInteger(pos) || pos < 0 || pos + size > this.bytes.byteLength)
			throw new IpcError('header offset out of bounds');
	}
	u8(pos: number): number {
		this.need(pos, 1);
		return this.view.getUint8(pos);
	}
	u16(pos: number): number {
		this.need(pos, 2);
		return this.view.getUint16(pos, true);
	}
	u32(pos: number): number {
		this.need(pos, 4);
		return this.view.getUint32(pos, true);
	}
	i32(pos: number): number {
		this.need(pos, 4);
		return this.view.getInt32(pos, true);
	}
	/** A 64-bit count or size; anything beyond 2³¹ is refused rather than approximated. */
	i64(pos: number): number {
		this.need(pos, 8);
		const low = this.view.getUint32(pos, true);
		const high = this.view.getInt32(pos + 4, true);
		if (high !== 0 || low > 0x7fffffff) throw new IpcError('header size out of range');
		return low;
	}
	/** The table the root offset points to. */
	root(): number {
		return this.u32(0);
	}
	/** Position of a table's field `index`, or null when absent (flatbuffers' defaults apply). */
	field(table: number, index: number): number | null {
		const vtable = table - this.i32(table);
		const vtableSize = this.u16(vtable);
		if (vtableSize < 4 || vtableSize % 2 !== 0) throw new IpcError('malformed header table');
		const slot = 4 + 2 * index;
		if (slot + 2 > vtableSize) return null;
		const offset = this.u16(vtable + slot);
		return offset === 0 ? null : table + offset;
	}
	/** The table, vector or string an offset field points to. */
	deref(pos: number): number {
		return pos + this.u32(pos);
	}
	/** A vector's length and first element, with the whole vector (elements of `size`) in bounds. */
	vector(pos: number | null, size: number, max: number, what: string): { start: number; length: number } {
		if (pos === null) return { start: 0, length: 0 };
		const at = this.deref(pos);
		const length = this.u32(at);
		if (length > max) throw new IpcError(`${what}: ${length} entries, at most ${max}`);
		this.need(at + 4, length * size);
		return { start: at + 4, length };
	}
	string(pos: number | null): string {
		if (pos === null) return '';
		const at = this.deref(pos);
		const length = this.u32(at);
		this.need(at + 4, length);
		return new TextDecoder('utf-8', { fatal: true }).decode(this.bytes.subarray(at + 4, at + 4 + length));
	}
}

function fieldType(flat: Flat, field: number): IpcType {
	const typeType = flat.field(field, 2);
	const kind = typeType === null ? 0 : flat.u8(typeType);
	if (kind === TYPE_UTF8) return 'Utf8';
	if (kind !== TYPE_FLOATING_POINT) return 'other';
	const type = flat.field(field, 3);
	if (type === null) return 'other';
	const precision = flat.field(flat.deref(type), 0);
	return precision !== null && flat.u16(precision) === PRECISION_DOUBLE ? 'Float64' : 'other';
}

function keyValues(flat: Flat, pos: number | null, limits: IpcLimits, what: string): Map<string, string> {
	const entries = flat.vector(pos, 4, limits.maxMetadataEntries, what);
	const map = new Map<string, string>();
	for (let i = 0; i < entries.length; i++) {
		const entry = flat.deref(entries.start + 4 * i);
		map.set(flat.string(flat.field(entry, 0)), flat.string(flat.field(entry, 1)));
	}
	return map;
}

function readSchema(flat: Flat, schema: number, limits: IpcLimits): Omit<IpcHeader, 'rows'> {
	const list = flat.vector(flat.field(schema, 1), 4, limits.maxFields, 'fields');
	const fields: IpcHeader['fields'] = [];
	for (let i = 0; i < list.length; i++) {
		const field = flat.deref(list.start + 4 * i);
		const name = flat.string(flat.field(field, 0));
		if (flat.field(field, 4) !== null) throw new IpcError(`column ${name}: dictionaries not allowed`);
		if (flat.vector(flat.field(field, 5), 4, 0, `column ${name}: children`).length !== 0)
			throw new IpcError(`column ${name}: nested columns not allowed`);
		if (keyValues(flat, flat.field(field, 6), limits, `column ${name}: metadata`).size > 0)
			throw new IpcError(`column ${name}: metadata not allowed`);
		fields.push({ name, type: fieldType(flat, field) });
	}
	flat.vector(flat.field(schema, 3), 8, 8, 'features');
	return { fields, metadata: keyValues(flat, flat.field(schema, 2), limits, 'schema metadata') };
}

/** Buffers a record batch has per column: validity + data, and offsets for text. */
const buffersOf = (type: IpcType) => (type === 'Utf8' ? 3 : 2);

function checkBatch(flat: Flat, batch: number, bodyLength: number, fields: IpcHeader['fields']): number {
	const lengthAt = flat.field(batch, 0);
	const length = lengthAt === null ? 0 : flat.i64(lengthAt);
	const nodes = flat.vector(flat.field(batch, 1), 16, fields.length, 'record batch nodes');
	if (nodes.length !== fields.length) throw new IpcError('record batch: one node per column expected');
	for (let i = 0; i < nodes.length; i++) {
		const nodeLength = flat.i64(nodes.start + 16 * i);
		const nulls = flat.i64(nodes.start + 16 * i + 8);
		if (nodeLength !== length || nulls > length) throw new IpcError('record batch: column length differs');
	}
	const expected = fields.reduce((sum, f) => sum + buffersOf(f.type), 0);
	const buffers = flat.vector(flat.field(batch, 2), 16, expected, 'record batch buffers');
	if (buffers.length !== expected) throw new IpcError('record batch: buffer count differs from columns');
	for (let i = 0; i < buffers.length; i++) {
		const offset = flat.i64(buffers.start + 16 * i);
		const size = flat.i64(buffers.start + 16 * i + 8);
		if (offset + size > bodyLength) throw new IpcError('record batch: buffer beyond its body');
	}
	if (flat.field(batch, 3) !== null) throw new IpcError('record batch: compression not allowed');
	return length;
}

/**
 * Checks an IPC stream's framing and headers against `limits` and returns its schema; throws
 * IpcError for anything else (dictionary batches, compression, nested or annotated columns,
 * sizes or counts beyond the bytes present or the limits, trailing bytes).
 */
export function readIpcHeader(bytes: Uint8Array, limits: IpcLimits): IpcHeader {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let pos = 0;
	let schema: Omit<IpcHeader, 'rows'> | null = null;
	let rows = 0;
	let batches = 0;
	while (pos + 4 <= bytes.byteLength) {
		let size = view.getUint32(pos, true);
		pos += 4;
		if (size === CONTINUATION) {
			if (pos + 4 > bytes.byteLength) throw new IpcError('stream cut off after a message marker');
			size = view.getUint32(pos, true);
			pos += 4;
		}
		if (size === 0) break;
		if (size > bytes.byteLength - pos) throw new IpcError('message header larger than the stream');
		const flat = new Flat(bytes.subarray(pos, pos + size));
		pos += size;
		const message = flat.root();
		const headerType = flat.field(message, 1);
		const kind = headerType === null ? 0 : flat.u8(headerType);
		const header = flat.field(message, 2);
		const bodyAt = flat.field(message, 3);
		const bodyLength = bodyAt === null ? 0 : flat.i64(bodyAt);
		if (flat.vector(flat.field(message, 4), 4, 0, 'message metadata').length !== 0)
			throw new IpcError('message metadata not allowed');
		if (header === null) throw new IpcError('message without header');
		if (bodyLength > bytes.byteLength - pos) throw new IpcError('message body larger than the stream');
		if (schema === null) {
			if (kind !== HEADER_SCHEMA) throw new IpcError('stream must start with its schema');
			schema = readSchema(flat, flat.deref(header), limits);
		} else {
			if (kind !== HEADER_RECORD_BATCH) throw new IpcError('only record batches may follow the schema');
			if (++batches > limits.maxBatches) throw new IpcError(`at most ${limits.maxBatches} record batches`);
			rows += checkBatch(flat, flat.deref(header), bodyLength, schema.fields);
			if (rows > limits.maxRows) throw new IpcError(`at most ${limits.maxRows} rows`);
		}
		pos += bodyLength;
	}
	if (schema === null) throw new IpcError('no schema');
	// After the end marker only padding (zero bytes) may follow.
	for (let i = pos; i < bytes.byteLength; i++)
		if (bytes[i] !== 0) throw new IpcError('bytes after the end of the stream');
	return { ...schema, rows };
}
