import { describe, expect, test } from 'vitest';
import { dataLabel } from './label';

describe('dataLabel', () => {
	test.each([
		{ files: ['istwerte.csv', 'projekte.csv'], onSample: true, label: { key: 'app.sample' } },
		{ files: ['meine.csv'], onSample: false, label: { key: 'import.badge.own', files: 'meine.csv' } },
		{ files: ['a.csv', 'b.csv'], onSample: false, label: { key: 'import.badge.own', files: 'a.csv, b.csv' } },
		// An own file named like a sample file is own data all the same.
		{ files: ['projekte.csv'], onSample: false, label: { key: 'import.badge.own', files: 'projekte.csv' } },
		{ files: [], onSample: false, label: { key: 'import.badge.none' } }
	])('$files, sample $onSample → $label.key', ({ files, onSample, label }) => {
		expect(dataLabel(files, onSample)).toEqual(label);
	});
});
