import { describe, expect, it } from 'vitest';
import {
	actionForKey,
	clampNav,
	navigate,
	START,
	type KeyInput,
	type NavAction,
	type NavState
} from './keys';

describe('actionForKey', () => {
	const cases: [KeyInput, boolean, NavAction | null][] = [
		[{ key: 'ArrowRight' }, false, { type: 'next' }],
		[{ key: 'ArrowDown' }, false, { type: 'next' }],
		[{ key: 'PageDown' }, false, { type: 'next' }],
		[{ key: ' ' }, false, { type: 'next' }],
		[{ key: ' ', shiftKey: true }, false, { type: 'prev' }],
		[{ key: 'Enter' }, false, { type: 'next' }],
		[{ key: 'ArrowLeft' }, false, { type: 'prev' }],
		[{ key: 'ArrowUp' }, false, { type: 'prev' }],
		[{ key: 'PageUp' }, false, { type: 'prev' }],
		[{ key: 'Backspace' }, false, { type: 'prev' }],
		[{ key: 'Home' }, false, { type: 'first' }],
		[{ key: 'End' }, false, { type: 'last' }],
		[{ key: 'b' }, false, { type: 'blank' }],
		[{ key: 'B', shiftKey: true }, false, { type: 'blank' }],
		[{ key: '.' }, false, { type: 'blank' }],
		[{ key: 'f' }, false, { type: 'fullscreen' }],
		[{ key: '7' }, false, { type: 'digit', digit: '7' }],
		[{ key: 'Enter' }, true, { type: 'goto' }],
		[{ key: 'Escape' }, true, { type: 'clear' }],
		[{ key: 'Escape' }, false, null],
		[{ key: 'p', ctrlKey: true }, false, null],
		[{ key: 'r', metaKey: true }, false, null],
		[{ key: 'ArrowRight', altKey: true }, false, null],
		[{ key: 'Tab' }, false, null],
		[{ key: 'F5' }, false, null]
	];
	it.each(cases)('%j (typing a number: %s) → %j', (input, typing, action) => {
		expect(actionForKey(input, typing)).toEqual(action);
	});
});

describe('navigate', () => {
	const at = (index: number, blank = false, digits = ''): NavState => ({ index, blank, digits });
	const cases: [string, NavState, NavAction, number, NavState][] = [
		['next', at(0), { type: 'next' }, 3, at(1)],
		['next on the last slide goes to the end screen', at(2), { type: 'next' }, 3, at(3)],
		['next on the end screen stays there', at(3), { type: 'next' }, 3, at(3)],
		['previous on the end screen goes back to the last slide', at(3), { type: 'prev' }, 3, at(2)],
		['prev', at(2), { type: 'prev' }, 3, at(1)],
		['prev stops at the first slide', at(0), { type: 'prev' }, 3, at(0)],
		['first', at(2), { type: 'first' }, 3, at(0)],
		['last', at(0), { type: 'last' }, 5, at(4)],
		['blank toggles on', at(1), { type: 'blank' }, 3, at(1, true)],
		['blank toggles off', at(1, true), { type: 'blank' }, 3, at(1)],
		['next on a blank screen only brings the slide back', at(1, true), { type: 'next' }, 3, at(1)],
		['prev on a blank screen only brings the slide back', at(1, true), { type: 'prev' }, 3, at(1)],
		['last on a blank screen goes there', at(0, true), { type: 'last' }, 3, at(2)],
		['digits accumulate', at(0, false, '1'), { type: 'digit', digit: '2' }, 20, at(0, false, '12')],
		['number + Enter jumps (1-based)', at(0, false, '12'), { type: 'goto' }, 20, at(11)],
		['a jump past the end is ignored', at(3, false, '21'), { type: 'goto' }, 20, at(3)],
		['a jump to 0 is ignored', at(3, false, '0'), { type: 'goto' }, 20, at(3)],
		['a jump unblanks', at(0, true, '2'), { type: 'goto' }, 3, at(1)],
		['escape clears the number', at(2, false, '4'), { type: 'clear' }, 9, at(2)],
		['navigating drops a half-typed number', at(2, false, '4'), { type: 'next' }, 9, at(3)],
		['an empty deck stays at 0', at(0), { type: 'next' }, 0, at(0)],
		['fullscreen changes no slide', at(1, false, '3'), { type: 'fullscreen' }, 3, at(1)]
	];
	it.each(cases)('%s', (_, before, action, count, after) => {
		expect(navigate(before, action, count)).toEqual(after);
	});

	it('keeps only the last four digits typed', () => {
		let state = START;
		for (const digit of '123456') state = navigate(state, { type: 'digit', digit }, 10_000);
		expect(state.digits).toBe('3456');
	});
});

describe('clampNav', () => {
	it.each([
		[5, 3, 3],
		[3, 3, 3],
		[1, 3, 1],
		[4, 0, 0]
	])('index %i in a deck of %i → %i (3 of 3 is the end screen)', (index, count, expected) => {
		expect(clampNav({ ...START, index }, count).index).toBe(expected);
	});
});
