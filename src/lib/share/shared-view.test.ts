import { describe, expect, it } from 'vitest';
import { attainmentCells, feedbackCells, participationCells, suppressCells } from './cube';
import type { CubeFilters, CubeView } from './schema';
import {
	sharedAttainment,
	sharedFeedback,
	sharedFilters,
	sharedOverview,
	sharedParticipation,
	type SharedFilters
} from './shared-view';

const q = {
	sessionId: 'S',
	sessionTitle: 'Abschluss',
	questionId: 'F1',
	questionText: 'Gefallen?',
	scaleMin: 1,
	scaleMax: 5
};

describe('sharedFeedback', () => {
	it.each([
		{
			name: 'all counts shown: mean and top-2-box',
			answers: [
				[3, 4],
				[4, 6],
				[5, 10]
			],
			higherIsBetter: true,
			expected: { mean: (3 * 4 + 4 * 6 + 5 * 10) / 20, topTwo: 16 / 20, hidden: [], total: 20 }
		},
		{
			name: 'lower is better: top-2-box counts the lowest answers',
			answers: [
				[1, 5],
				[2, 5],
				[6, 10]
			],
			higherIsBetter: false,
			expected: { mean: (5 + 10 + 60) / 20, topTwo: 10 / 20, hidden: [], total: 20 }
		},
		{
			name: 'a hidden count withholds mean and top-2-box',
			answers: [
				[1, 1],
				[4, 6],
				[5, 10]
			],
			higherIsBetter: true,
			expected: { mean: null, topTwo: null, hidden: [1, 4], total: 17 }
		}
	])('$name', ({ answers, higherIsBetter, expected }) => {
		const cells = suppressCells(
			feedbackCells(
				answers.map(([answer, count]) => ({
					...q,
					scaleMax: higherIsBetter ? 5 : 6,
					higherIsBetter,
					answer: answer!,
					answers: count!
				}))
			),
			3
		);
		const [question] = sharedFeedback(cells)!;
		expect(question!.mean).toBe(expected.mean);
		expect(question!.topTwo).toBe(expected.topTwo);
		expect(question!.answers.filter((a) => a.count.hidden).map((a) => a.answer)).toEqual(expected.hidden);
		expect(question!.total).toEqual({ value: expected.total, hidden: false });
	});
});

describe('sharedParticipation / sharedAttainment / sharedOverview', () => {
	it('keeps hidden cells hidden and the rest as numbers', () => {
		const cells = suppressCells(
			participationCells(
				[
					['BMI/BBSR', 2],
					['Jobcenter', 4],
					['Kommune', 9]
				].map(([role, participants]) => ({
					sessionId: 'S1',
					title: 'Auftakt',
					date: '2020-11-11',
					role: role as string,
					participants: participants as number
				}))
			),
			3
		);
		expect(sharedParticipation(cells)).toEqual([
			{
				id: 'S1',
				title: 'Auftakt',
				date: '2020-11-11',
				total: { value: 15, hidden: false },
				roles: [
					{ role: 'BMI/BBSR', participants: { value: null, hidden: true } },
					{ role: 'Jobcenter', participants: { value: null, hidden: true } },
					{ role: 'Kommune', participants: { value: 9, hidden: false } }
				]
			}
		]);
		expect(sharedAttainment(cells)).toBeNull();
		expect(sharedOverview(cells)).toBeNull();
	});

	it('lists hidden indicators apart instead of drawing them', () => {
		const row = {
			unit: 'Personen',
			target: 100,
			projects: 5,
			n: 9,
			asOf: '2022-09-30',
			status: 'behind' as const
		};
		const cells = suppressCells(
			attainmentCells([
				{ ...row, indicatorId: 'CO01', name: 'Arbeitslose', esfCode: 'CO01', actual: 80, attainment: 0.8 },
				{ ...row, indicatorId: 'CO23', name: 'Unternehmen', esfCode: 'CO23', actual: 2, attainment: 0.02 }
			]),
			3
		);
		const shared = sharedAttainment(cells)!;
		expect(shared.rows.map((r) => [r.indicatorId, r.attainment, r.status])).toEqual([
			['CO01', 0.8, 'on_track']
		]);
		expect(shared.hidden).toEqual(['CO23 Unternehmen']);
	});
});

describe('sharedFilters', () => {
	const none: CubeFilters = {
		periodFrom: null,
		periodTo: null,
		states: [],
		municipalities: [],
		projects: [],
		indicators: []
	};
	const views: CubeView[] = ['overview', 'attainment-by-indicator', 'participation', 'feedback'];
	it.each([
		{ name: 'no filters in the share (older shares)', filters: undefined, expected: null },
		{ name: 'all filters empty', filters: none, expected: null },
		{
			name: 'a municipality: feedback sheets carry no place',
			filters: { ...none, municipalities: ['Hannover'] },
			expected: {
				period: null,
				lists: [{ key: 'municipalities', values: ['Hannover'] }],
				notApplied: [{ view: 'feedback', keys: ['municipalities'] }]
			}
		},
		{
			name: 'a period only: every view takes it',
			filters: { ...none, periodFrom: '2020-01-01' },
			expected: { period: { from: '2020-01-01', to: null }, lists: [], notApplied: [] }
		},
		{
			name: 'a project and an indicator, shown by name',
			filters: {
				...none,
				projects: [{ id: 'BQ-19-001', name: 'Wege in Arbeit' }],
				indicators: [{ id: 'CO01', name: 'CO01 · Arbeitslose' }]
			},
			expected: {
				period: null,
				lists: [
					{ key: 'projects', values: ['Wege in Arbeit'] },
					{ key: 'indicators', values: ['CO01 · Arbeitslose'] }
				],
				notApplied: [
					{ view: 'participation', keys: ['projects', 'indicators'] },
					{ view: 'feedback', keys: ['projects', 'indicators'] }
				]
			}
		}
	] as { name: string; filters: CubeFilters | undefined; expected: SharedFilters | null }[])(
		'$name',
		({ filters, expected }) => {
			expect(sharedFilters(filters, views)).toEqual(expected);
		}
	);

	it('mentions only views that were published', () => {
		const filters = { ...none, states: ['Berlin'] };
		expect(sharedFilters(filters, ['overview', 'participation'])!.notApplied).toEqual([]);
	});
});
