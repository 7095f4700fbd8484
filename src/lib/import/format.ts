import { INTL_LOCALE, type Locale } from '../i18n';

/** Bytes as KB/MB/GB in the locale's number format (1,5 MB). */
export function formatSize(bytes: number, locale: Locale): string {
	const units = ['Bytes', 'KB', 'MB', 'GB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	const digits = unit === 0 ? 0 : 1;
	return `${new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
