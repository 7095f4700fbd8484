/** What the data badge says: which of the message keys, and with which file names. */
export interface DataLabel {
	key: 'app.sample' | 'import.badge.own' | 'import.badge.none';
	files?: string;
}

/**
 * The badge for the data in the tab: the sample, the analyst's own files (named), or nothing.
 * Never both: the first own file takes the workspace off the sample (workspace.importPrepared).
 */
export function dataLabel(files: readonly string[], onSample: boolean): DataLabel {
	if (onSample) return { key: 'app.sample' };
	return files.length ? { key: 'import.badge.own', files: files.join(', ') } : { key: 'import.badge.none' };
}
