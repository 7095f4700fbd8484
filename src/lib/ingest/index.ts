/**
 * ingest — bytes → canonical tables (DESIGN.md §3–4): encoding, dialect, header mapping, typed load
 * with line-level rejects and a reconciliation (rows in = loaded + rejected). Runs off the main
 * thread in the browser (the engine's worker does the parsing); must not touch the DOM.
 */
export { decodeText, type Encoding } from './encoding';
export { sniffDialect, type Dialect } from './dialect';
export {
	ensureSchema,
	importCsv,
	ImportError,
	type ImportOptions,
	type ImportReport,
	type Reject
} from './load';
export { loadSample, SAMPLE_FILES } from './sample';
