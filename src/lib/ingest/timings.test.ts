import { expect, test } from 'vitest';
import { stepTimer } from './timings';

type Call = ['begin', string] | ['end'] | ['interrupt'];

test.each<[string, Call[], string[], string | null, string | null, string[]]>([
	['nothing begun', [], [], null, null, []],
	['one step running', [['begin', 'a']], [], 'a', null, ['a']],
	[
		'steps end as the next begins',
		[['begin', 'a'], ['begin', 'b'], ['end']],
		['a', 'b'],
		null,
		null,
		['a', 'b']
	],
	[
		'a step begun again adds up under one name',
		[['begin', 'a'], ['begin', 'b'], ['begin', 'a'], ['end']],
		['a', 'b'],
		null,
		null,
		['a', 'b', 'a']
	],
	[
		'an interrupt names the running step and keeps its time so far',
		[['begin', 'a'], ['begin', 'b'], ['interrupt']],
		['a', 'b'],
		'b',
		'b',
		['a', 'b']
	],
	[
		'the first interrupt counts',
		[['begin', 'a'], ['interrupt'], ['begin', 'b'], ['interrupt']],
		['a', 'b'],
		'b',
		'a',
		['a', 'b']
	],
	['an interrupt with no step running names none', [['interrupt']], [], null, null, []]
])('%s', (_, calls, timed, running, interrupted, heard) => {
	const begun: string[] = [];
	const timer = stepTimer((name) => begun.push(name));
	for (const call of calls) {
		if (call[0] === 'begin') timer.begin(call[1]);
		else if (call[0] === 'end') timer.end();
		else timer.interrupt();
	}
	expect(Object.keys(timer.timings).sort()).toEqual(timed);
	for (const ms of Object.values(timer.timings)) expect(ms).toBeGreaterThanOrEqual(0);
	expect(timer.running).toBe(running);
	expect(timer.interrupted).toBe(interrupted);
	expect(begun).toEqual(heard);
});
