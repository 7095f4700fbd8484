import { describe, expect, test } from 'vitest';
import { dataLabel } from './label';

const SAMPLE = ['projekte.csv', 'istwerte.csv'];

describe('dataLabel', () => {
	test.each([
		{ files: ['istwerte.csv', 'projekte.csv'], label: { key: 'app.sample' } },
		{ files: ['meine.csv'], label: { key: 'import.badge.own', files: 'meine.csv' } },
		{ files: ['a.csv', 'b.csv'], label: { key: 'import.badge.own', files: 'a.csv, b.csv' } },
		{ files: ['projekte.csv', 'meine.csv'], label: { key: 'import.badge.mixed', files: 'meine.csv' } },
		{ files: [], label: { key: 'import.badge.none' } }
	])('$files → $label.key', ({ files, label }) => {
		expect(dataLabel(files, SAMPLE)).toEqual(label);
	});
});
