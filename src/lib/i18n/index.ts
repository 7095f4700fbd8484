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

const PLURALS: Record<Locale, Intl.PluralRules> = {
	de: new Intl.PluralRules(INTL_LOCALE.de),
	en: new Intl.PluralRules(INTL_LOCALE.en)
};

/**
 * The number a parameter stands for, when it is one: a count or a formatted count ("1", "1.234");
 * anything else (a suppression mark) is null.
 */
function countOf(value: string | number | undefined): number | null {
	if (typeof value === 'number') return value;
	if (value === undefined || !/^\d[\d.,\s\u202f]*$/.test(value)) return null;
	return Number(value.replace(/\D/g, ''));
}

/**
 * Looks up a message and fills `{name}` placeholders. `{name|one|other}` chooses a word by the
 * number in `name` through Intl.PluralRules ("in {states} {states|Land|Ländern}"): one for a
 * singular number, other for the rest and for what is no number.
 */
export function translate(
	locale: Locale,
	key: MessageKey,
	params: Record<string, string | number> = {}
): string {
	return MESSAGES[locale][key]
		.replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (_, name: string, one: string, other: string) => {
			const n = countOf(params[name]);
			return n !== null && PLURALS[locale].select(n) === 'one' ? one : other;
		})
		.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
