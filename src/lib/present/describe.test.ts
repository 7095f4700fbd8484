import { describe, expect, it } from 'vitest';
import { formatters } from '../charts/format';
import { NO_FILTERS, type Filters } from '../metrics/filters';
import { filterParts, type FilterPart } from './describe';

const date = formatters('de').date;

describe('filterParts', () => {
	const cases: [string, Partial<Filters>, FilterPart[]][] = [
		['no filters', {}, []],
		[
			'a full period',
			{ periodFrom: '2020-01-01', periodTo: '2020-12-31' },
			[{ key: 'period', value: '01.01.2020 – 31.12.2020' }]
		],
		['an open end', { periodFrom: '2021-07-01' }, [{ key: 'periodFrom', value: '01.07.2021' }]],
		['an open start', { periodTo: '2020-12-31' }, [{ key: 'periodTo', value: '31.12.2020' }]],
		[
			'lists, gender and age group in reading order',
			{ ageGroup: '>54', gender: 'w', municipalities: ['Bremen', 'Leipzig'], states: ['Sachsen'] },
			[
				{ key: 'states', value: 'Sachsen' },
				{ key: 'municipalities', value: 'Bremen, Leipzig' },
				{ key: 'gender', value: 'w' },
				{ key: 'ageGroup', value: '>54' }
			]
		]
	];
	it.each(cases)('%s', (_, filters, parts) => {
		expect(filterParts({ ...NO_FILTERS, ...filters }, date)).toEqual(parts);
	});
});
