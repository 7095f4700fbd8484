import { normalizeHeader, type CanonicalTable } from '../model';

/** A confirmed mapping, kept in the browser so the same export maps by itself next time. */
export interface MappingPreset {
	table: CanonicalTable;
	/** canonical column → file header */
	mapping: Record<string, string>;
}

/** Presets by header signature. */
export type PresetStore = Record<string, MappingPreset>;

/** The key of an export's layout: its headers, normalised, in order. */
export function headerSignature(headers: string[]): string {
	return headers.map(normalizeHeader).join('|');
}

/** The preset for these headers, if one was saved and still fits (every mapped header exists). */
export function findPreset(store: PresetStore, headers: string[]): MappingPreset | null {
	const preset = store[headerSignature(headers)];
	if (!preset) return null;
	return Object.values(preset.mapping).every((h) => headers.includes(h)) ? preset : null;
}

/** The store with this layout's preset set (a new object; the old one is untouched). */
export function withPreset(store: PresetStore, headers: string[], preset: MappingPreset): PresetStore {
	return { ...store, [headerSignature(headers)]: preset };
}
