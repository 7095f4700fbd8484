/**
 * workspace — the analyst's data in this browser tab: starts the engine once, restores saved
 * imports (Parquet in IndexedDB) or loads the bundled sample, runs imports one at a time and tells
 * pages when the data changed (a version counter); dashboards read through its query coordinator,
 * which caches per data version. Client-only; parsing and typing stay in ingest.
 */
export { workspace, type DataSource, type WorkspacePhase } from './workspace.svelte';
export { Coordinator } from './coordinator';
export { ImportItem, ImportSession, type ItemState } from './import.svelte';
export { dataLabel, type DataLabel } from './label';
