/**
 * import — the components of the /import page: file drop, one card per file (progress, mapping,
 * report with rejects). They render an ImportSession (workspace) and own no parsing or SQL.
 */
export { default as FileDrop } from './FileDrop.svelte';
export { default as ImportCard } from './ImportCard.svelte';
export { default as ImportReportView } from './ImportReportView.svelte';
export { formatSize } from './format';
