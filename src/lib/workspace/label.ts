/** What the data badge says: which of the message keys, and with which file names. */
export interface DataLabel {
	key: 'app.sample' | 'import.badge.own' | 'import.badge.mixed' | 'import.badge.none';
	files?: string;
}

/**
 * The badge for the data in the tab, from the source files of its rows: the sample alone, the
 * analyst's own files (named), both (an import replaces the sample of its table only), or nothing.
 */
export function dataLabel(files: readonly string[], sampleFiles: readonly string[]): DataLabel {
	const own = files.filter((f) => !sampleFiles.includes(f));
	const sample = files.some((f) => sampleFiles.includes(f));
	if (!own.length) return { key: sample ? 'app.sample' : 'import.badge.none' };
	return { key: sample ? 'import.badge.mixed' : 'import.badge.own', files: own.join(', ') };
}
