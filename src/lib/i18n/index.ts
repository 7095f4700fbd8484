/**
 * i18n — all UI strings, one file per language (de.ts is the default and defines the keys), and
 * the Intl locale that number and date formats follow. No other module holds user-facing text.
 */
import { de, type MessageKey } from './de';
import { en } from './en';

export type Locale = 'de' | 'en';
export type { MessageKey };

/** A bound message lookup, as components receive it. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { de, en };

/** BCP 47 tag for Intl formatters. */
export const INTL_LOCALE: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

/** Resolves a locale from a `?lang=` value or stored preference; German unless English is asked for. */
export function resolveLocale(value: string | null | undefined): Locale {
	return value === 'en' ? 'en' : 'de';
}

/** Looks up a message and fills `{name}` placeholders. */
export function translate(
	locale: Locale,
	key: MessageKey,
	params: Record<string, string | number> = {}
): string {
	return MESSAGES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) =>
		String(params[name] ?? `{${name}}`)
	);
}
