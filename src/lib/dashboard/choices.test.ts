import { expect, test } from 'vitest';
import { NO_FILTERS, type FilterOptions, type Filters } from '../metrics';
import { hiddenChoices } from './choices';

const OPTIONS: FilterOptions = {
	states: ['Bayern', 'Berlin'],
	municipalities: [
		{ municipality: 'Berlin', state: 'Berlin' },
		{ municipality: 'München', state: 'Bayern' },
		{ municipality: 'Nürnberg', state: 'Bayern' },
		{ municipality: 'Ohne Land', state: null }
	],
	projects: [
		{ projectId: 'P1', name: 'Eins', municipality: 'Berlin' },
		{ projectId: 'P2', name: 'Zwei', municipality: 'München' },
		{ projectId: 'P3', name: 'Drei', municipality: 'Nürnberg' },
		{ projectId: 'P4', name: 'Vier', municipality: null },
		{ projectId: 'P5', name: 'Fünf', municipality: 'Ohne Land' }
	],
	indicators: [],
	periodStarts: [],
	periodEnds: []
};

test.each<[string, Partial<Filters>, string[], string[]]>([
	['no place filter hides nothing', {}, [], []],
	['a Land hides the others', { states: ['Bayern'] }, ['Berlin', 'Ohne Land'], ['P1', 'P4', 'P5']],
	['two Länder', { states: ['Bayern', 'Berlin'] }, ['Ohne Land'], ['P4', 'P5']],
	['a municipality hides other projects only', { municipalities: ['München'] }, [], ['P1', 'P3', 'P4', 'P5']],
	[
		'Land and municipality',
		{ states: ['Berlin'], municipalities: ['München'] },
		['München', 'Nürnberg', 'Ohne Land'],
		['P1', 'P2', 'P3', 'P4', 'P5']
	],
	['a project filter hides nothing', { projects: ['P2'] }, [], []]
])('%s', (_, filters, municipalities, projects) => {
	const hidden = hiddenChoices(OPTIONS, { ...NO_FILTERS, ...filters });
	expect([...hidden.municipalities].sort()).toEqual(municipalities);
	expect([...hidden.projects].sort()).toEqual(projects);
});
