import {
	Field,
	Float64,
	Int32,
	Schema,
	Table,
	tableToIPC,
	Utf8,
	vectorFromArray,
	makeData,
	RecordBatch,
	Struct
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { decodeCube, encodeCube, META_KEY, PayloadError } from './payload';
import { CUBE_COLUMNS, type CubeCell, type CubeFilters, type CubeMeta } from './schema';

const META: CubeMeta = { title: 'BIWAQ', k: 3, views: ['overview', 'participation'], asOf: '2022-09-30' };

const FILTERS: CubeFilters = {
	periodFrom: '2020-01-01',
	periodTo: null,
	states: ['Niedersachsen'],
	municipalities: ['Hannover'],
	projects: [{ id: 'BQ-19-014', name: 'Arbeit im Quartier Hannover-Nord' }],
	indicators: []
};

const cell = (over: Partial<CubeCell>): CubeCell => ({
	view: 'overview',
	dim1: 'projects',
	dim2: null,
	label1: null,
	label2: null,
	unit: null,
	code: null,
	value: 12,
	target: null,
	ratio: null,
	n: 12,
	projects: null,
	as_of: null,
	suppressed: null,
	...over
});

/** An Arrow IPC stream with arbitrary columns (all text) and metadata, as a hostile client could send. */
function ipc(
	columns: Record<string, (string | null)[]>,
	meta: string | null = JSON.stringify(META),
	types?: Record<string, Float64 | Int32>
): Uint8Array {
	const fields = Object.keys(columns).map((name) => new Field(name, types?.[name] ?? new Utf8(), true));
	const schema = new Schema(fields, meta === null ? new Map() : new Map([[META_KEY, meta]]));
	const length = Object.values(columns)[0]?.length ?? 0;
	const children = fields.map(
		(f) =>
			vectorFromArray(
				columns[f.name]!.map((v) => (types?.[f.name] && v !== null ? Number(v) : v)),
				f.type
			).data[0]!
	);
	return tableToIPC(
		new Table([
			new RecordBatch(schema, makeData({ type: new Struct(fields), length, nullCount: 0, children }))
		]),
		'stream'
	);
}

/** The valid column set as text columns, with overrides. */
function valid(overrides: Record<string, (string | null)[]> = {}): Record<string, (string | null)[]> {
	const columns: Record<string, (string | null)[]> = {};
	for (const c of CUBE_COLUMNS)
		columns[c.name] = [c.name === 'view' ? 'overview' : c.name === 'dim1' ? 'projects' : null];
	return { ...columns, ...overrides };
}
const numeric = Object.fromEntries(
	CUBE_COLUMNS.filter((c) => c.type instanceof Float64).map((c) => [c.name, new Float64()])
);

describe('encodeCube / decodeCube', () => {
	it('round-trips cells and metadata', () => {
		const cells = [
			cell({}),
			cell({
				view: 'participation',
				dim1: 'TW20-AUF',
				dim2: 'Kommune',
				label1: 'Auftakt',
				value: null,
				n: null,
				suppressed: 'primary'
			})
		];
		expect(decodeCube(encodeCube(cells, META))).toEqual({ meta: META, cells });
	});

	it('round-trips the published filters; a cube without them (older shares) still decodes', () => {
		const meta = { ...META, since: '2019-01-01', filters: FILTERS };
		expect(decodeCube(encodeCube([cell({})], meta)).meta).toEqual(meta);
		expect(decodeCube(encodeCube([cell({})], META)).meta).toEqual(META);
	});

	it('round-trips an empty cube', () => {
		expect(decodeCube(encodeCube([], META))).toEqual({ meta: META, cells: [] });
	});

	const refused: { name: string; bytes: () => Uint8Array; message: RegExp }[] = [
		{
			name: 'not Arrow at all',
			bytes: () => new TextEncoder().encode('Bogen-Nr.;Kommentar\nB-001;Hallo'),
			message: /not an Arrow IPC stream/
		},
		{
			name: 'a comment column',
			bytes: () => ipc({ ...valid(), comment: ['Gute Moderation'] }, undefined, numeric),
			message: /row-level columns refused: comment/
		},
		{
			name: 'a respondent_ref column',
			bytes: () => ipc({ respondent_ref: ['B-001'], answer: ['3'] }),
			message: /row-level columns refused: respondent_ref, answer/
		},
		{
			name: 'an extra column of any other name',
			bytes: () => ipc({ ...valid(), municipality_person: ['x'] }, undefined, numeric),
			message: /columns not allowed: municipality_person/
		},
		{
			name: 'a missing column',
			bytes: () => {
				const columns = valid();
				delete columns.suppressed;
				return ipc(columns, undefined, numeric);
			},
			message: /columns must be exactly/
		},
		{
			name: 'a number column sent as text',
			bytes: () => ipc(valid()),
			message: /column value must be Float64/
		},
		{
			name: 'an unknown view',
			bytes: () => ipc(valid({ view: ['feedback_rows'] }), undefined, numeric),
			message: /unknown view: feedback_rows/
		},
		{
			name: 'no metadata',
			bytes: () => ipc(valid(), null, numeric),
			message: /metadata wirkung.cube missing/
		},
		{
			name: 'metadata with extra keys',
			bytes: () => ipc(valid(), JSON.stringify({ ...META, respondents: ['B-001'] }), numeric),
			message: /metadata must have exactly/
		},
		{
			name: 'a first period that is not a date',
			bytes: () => ipc(valid(), JSON.stringify({ ...META, since: 'Anfang 2019' }), numeric),
			message: /since: an ISO date or null/
		},
		...(
			[
				['not an object', 'Hannover', /filters: an object/],
				['with an extra key', { ...FILTERS, gender: 'w' }, /filters: exactly/],
				['with a missing key', { ...FILTERS, indicators: undefined }, /filters: exactly/],
				['with a date that is not ISO', { ...FILTERS, periodFrom: '01.01.2020' }, /periodFrom: an ISO date/],
				['with a number as municipality', { ...FILTERS, municipalities: [7] }, /municipalities: up to 100/],
				['with an overlong value', { ...FILTERS, states: ['x'.repeat(201)] }, /states: up to 100/],
				['with too many values', { ...FILTERS, states: Array(101).fill('Berlin') }, /states: up to 100/],
				[
					'with a project without name',
					{ ...FILTERS, projects: [{ id: 'BQ-19-001' }] },
					/projects: up to 100/
				],
				[
					'with a project carrying more',
					{ ...FILTERS, projects: [{ id: 'P', name: 'N', respondent_ref: 'B-001' }] },
					/projects: up to 100/
				]
			] as const
		).map(([what, filters, message]) => ({
			name: `filters ${what}`,
			bytes: () => ipc(valid(), JSON.stringify({ ...META, filters }), numeric),
			message
		})),
		{
			name: 'an unknown suppression marker',
			bytes: () => ipc(valid({ suppressed: ['maybe'] }), undefined, numeric),
			message: /unknown suppression: maybe/
		}
	];

	it.each(refused)('refuses $name', ({ bytes, message }) => {
		expect(() => decodeCube(bytes())).toThrow(PayloadError);
		expect(() => decodeCube(bytes())).toThrow(message);
	});
});
