import type { Language, Locale, LocalizedText } from '../engine/types';

export type LocaleSetting = 'auto' | Locale;

/** `auto` speaks the document's language; English is the fallback. */
export function resolveLocale(setting: LocaleSetting | undefined, language: Language): Locale {
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return language === 'zh' ? 'zh-CN' : 'en';
}

/** Fills {name} slots. Unknown slots stay visible, so a missing value shows in tests. */
export function formatMessage(text: LocalizedText, locale: Locale, data: Record<string, string | number> = {}): string {
  const template = text[locale] ?? text.en;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
