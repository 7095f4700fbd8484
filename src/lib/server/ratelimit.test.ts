import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './ratelimit';

describe('createRateLimiter', () => {
	const cases: { name: string; requests: [string, number][]; expected: boolean[] }[] = [
		{
			name: 'allows up to the limit',
			requests: [
				['a', 0],
				['a', 10],
				['a', 20]
			],
			expected: [true, true, true]
		},
		{
			name: 'refuses the one after',
			requests: [
				['a', 0],
				['a', 1],
				['a', 2],
				['a', 3]
			],
			expected: [true, true, true, false]
		},
		{
			name: 'counts clients apart',
			requests: [
				['a', 0],
				['a', 1],
				['a', 2],
				['b', 3]
			],
			expected: [true, true, true, true]
		},
		{
			name: 'opens again after the window',
			requests: [
				['a', 0],
				['a', 1],
				['a', 2],
				['a', 3],
				['a', 60_000]
			],
			expected: [true, true, true, false, true]
		}
	];
	it.each(cases)('$name', ({ requests, expected }) => {
		const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 });
		expect(requests.map(([key, now]) => limiter.take(key, now).allowed)).toEqual(expected);
	});

	it('says when to retry', () => {
		const limiter = createRateLimiter({ limit: 1, windowMs: 60_000 });
		limiter.take('a', 0);
		expect(limiter.take('a', 15_000)).toEqual({ allowed: false, retryAfter: 45 });
	});
});
