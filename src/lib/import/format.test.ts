import { expect, test } from 'vitest';
import { formatSize } from './format';

test.each([
	[0, 'de', '0 Bytes'],
	[1536, 'de', '1,5 KB'],
	[50 * 1024 * 1024, 'de', '50 MB'],
	[1024 ** 3, 'en', '1 GB'],
	[1.25 * 1024 ** 2, 'en', '1.3 MB']
] as const)('formatSize(%d, %s) = %s', (bytes, locale, text) => {
	expect(formatSize(bytes, locale)).toBe(text);
});
