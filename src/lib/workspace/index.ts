/**
 * workspace — the analyst's data in this browser tab: starts the engine once, loads the bundled
 * sample data on first visit, and tells pages when the data changed (a version counter) so every
 * chart re-queries. Client-only; owns no SQL of its own beyond calling ingest.
 */
export { workspace, type WorkspacePhase } from './workspace.svelte';
