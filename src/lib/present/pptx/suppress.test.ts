import { describe, expect, it } from 'vitest';
import type { ViewId } from '../../views';
import { hiddenKeys } from './suppress';

const indicator = { indicatorId: 'CO01', name: 'Arbeitslose', esfCode: 'CO01', unit: 'Personen' };

describe('hiddenKeys: what a file leaving the browser must not show (k = 3)', () => {
	const cases: { name: string; view: ViewId; data: unknown; hidden: string[] }[] = [
		{
			name: 'a breakdown part under k hides the next smallest part of its dimension too',
			view: 'breakdown',
			data: {
				indicator,
				rows: [
					{ indicatorId: 'CO01', dimension: 'gender', value: 'w', actual: 20, share: 0.5, n: 4 },
					{ indicatorId: 'CO01', dimension: 'gender', value: 'm', actual: 18, share: 0.45, n: 4 },
					{ indicatorId: 'CO01', dimension: 'gender', value: 'd', actual: 2, share: 0.05, n: 1 },
					{ indicatorId: 'CO01', dimension: 'age_group', value: '<25', actual: 40, share: 1, n: 4 }
				]
			},
			hidden: ['gender:d', 'gender:m']
		},
		{
			name: 'ranking groups count people for person indicators, reporting projects otherwise',
			view: 'attainment-by-municipality',
			data: {
				by: 'municipality',
				indicator: { ...indicator, unit: 'Anzahl' },
				rows: [
					{ key: 'Halle', label: 'Halle', actual: 90, projects: 2 },
					{ key: 'Leipzig', label: 'Leipzig', actual: 2, projects: 5 }
				]
			},
			hidden: ['Halle']
		},
		{
			name: 'retention: a role with 2 at the kickoff hides, and another role with it (the total stays)',
			view: 'retention',
			data: {
				rows: [
					{ role: null, kickoff: 20, closing: 15, retention: 0.75 },
					{ role: 'Kommune', kickoff: 12, closing: 9, retention: 0.75 },
					{ role: 'Jobcenter', kickoff: 6, closing: 5, retention: 0.83 },
					{ role: 'BMI/BBSR', kickoff: 2, closing: 1, retention: 0.5 }
				],
				kickoff: null,
				closing: null
			},
			hidden: ['BMI/BBSR', 'Jobcenter']
		},
		{
			name: 'feedback: answers given by one or two people hide, and enough others to protect them',
			view: 'feedback-by-question',
			data: {
				questions: [
					{
						sessionId: 'S1',
						questionId: 'F1',
						question: 'Gesamt',
						scaleMin: 1,
						scaleMax: 3,
						higherIsBetter: true,
						distribution: [1, 5, 10],
						n: 16,
						mean: 2.6,
						topTwo: 0.9
					}
				],
				sessions: []
			},
			hidden: ['S1/F1|1', 'S1/F1|2']
		},
		{
			name: 'status counts are counts of indicators: nothing hides',
			view: 'status-distribution',
			data: [{ indicatorId: 'CO01', status: 'achieved', attainment: 1.2, n: 1, projects: 1 }],
			hidden: []
		}
	];
	it.each(cases)('$name', ({ view, data, hidden }) => {
		expect([...hiddenKeys(view, data, 3)].sort()).toEqual(hidden);
	});
});
