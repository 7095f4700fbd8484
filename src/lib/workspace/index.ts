/**
 * workspace — the analyst's data in this browser tab: starts the engine once (from the layout, on
 * pages that need it: needsEngine), restores saved imports (Arrow IPC in OPFS or IndexedDB,
 * persist.ts) or the sample the build prebuilt (snapshot.ts, sample-build.ts), runs imports one at
 * a time, saves what changed, and tells pages when the data changed (a version counter);
 * dashboards read through its query coordinator, which caches per data version. Client-only but
 * sample-build.ts (node); parsing and typing stay in ingest, which data is loaded is the pages'.
 */
export { workspace, type DataSource, type WorkspacePhase } from './workspace.svelte';
export { Coordinator } from './coordinator';
export { ImportItem, ImportSession, type ItemState } from './import.svelte';
export { dataLabel, type DataLabel } from './label';
export { needsEngine } from './start';
