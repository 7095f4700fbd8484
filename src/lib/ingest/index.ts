/**
 * ingest — bytes → canonical tables (DESIGN.md §3–4): encoding, dialect, record scan, header
 * mapping, typed load with line-level rejects and a reconciliation (rows in = loaded + rejected).
 * prepare* is pure and runs in a Web Worker in the browser; load* runs SQL. Each canonical table is a
 * view over the rows of its files (store.ts); only this module writes them. Must not touch the DOM.
 */
export { checkBytes, checkSize, decodeText, DEFAULT_SIZE_LIMIT, InputError, type Encoding } from './encoding';
export { lineEndingOf, sniffDialect, type Dialect, type LineEnding } from './dialect';
export { scanRecords, type RecordScan } from './scan';
export {
	HEAD_BYTES,
	prepareCsv,
	prepareHead,
	sameBasis,
	TRAILING_COLUMN,
	type PreparedCsv,
	type PrepareOptions
} from './prepare';
export {
	CANCELLED,
	emptyReport,
	ensureSchema,
	importCsv,
	ImportError,
	discardLoad,
	finishLoad,
	loadPrepared,
	reserveSourceIds,
	resolveMapping,
	stageLoad,
	type StagedLoad,
	type ImportOptions,
	type ImportReport,
	type LoadOptions,
	type Reject,
	type ReportColumn
} from './load';
export { loadSample, SAMPLE_FILES } from './sample';
export { clearSources, dropFiles, loadedFiles, tableRowCounts } from './store';
export { rowsTable } from './schema';
export { findPreset, headerSignature, withPreset, type MappingPreset, type PresetStore } from './presets';
export { describeReject, rejectsToCsv, safeCell } from './rejects';
