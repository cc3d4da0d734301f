import type { Locale } from '../../contracts/common';
import { languageTag, useT } from '../i18n/i18n';
import { errorAt, type FieldErrors } from '../lib/validation';
import { FieldGroup, TextAreaField, TextField } from './fields';

export type LocalisedDraft = Record<Locale, string>;
export const emptyLocalised = (): LocalisedDraft => ({ it: '', zh: '', en: '' });

export function localisedDraft(text: Partial<Record<Locale, string>> | null | undefined): LocalisedDraft {
  return { it: text?.it ?? '', zh: text?.zh ?? '', en: text?.en ?? '' };
}

/** Drops empty languages, so `{}` reaches the contract's "at least one language" rule. */
export function localisedValue(draft: LocalisedDraft): Partial<Record<Locale, string>> {
  const out: Partial<Record<Locale, string>> = {};
  for (const l of ['it', 'zh', 'en'] as const) if (draft[l].trim()) out[l] = draft[l].trim();
  return out;
}

/** One input per language, the reader's first; the group shows errors for the text as a whole. */
export function LocalisedInputs({
  legend,
  hint,
  path,
  value,
  onChange,
  errors,
  multiline = false,
}: {
  legend: string;
  hint?: string;
  path: string;
  value: LocalisedDraft;
  onChange: (next: LocalisedDraft) => void;
  errors: FieldErrors;
  multiline?: boolean;
}) {
  const { t, locale } = useT();
  const order = [locale, ...(['it', 'zh', 'en'] as const).filter((l) => l !== locale)];
  const groupError = errors[path];
  return (
    <FieldGroup legend={legend} hint={hint} error={groupError}>
      {order.map((l) => {
        const props = {
          label: t(`languages.${l}`),
          lang: languageTag(l),
          value: value[l],
          error: groupError ? undefined : errorAt(errors, `${path}.${l}`),
        };
        return multiline ? (
          <TextAreaField key={l} {...props} rows={5} onChange={(e) => onChange({ ...value, [l]: e.target.value })} />
        ) : (
          <TextField key={l} {...props} onChange={(e) => onChange({ ...value, [l]: e.target.value })} />
        );
      })}
    </FieldGroup>
  );
}

/** "it, zh , en" → ["it", "zh", "en"]. */
export function splitList(text: string): string[] {
  return text
    .split(/[,，;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function optionalText(text: string): string | undefined {
  return text.trim() ? text.trim() : undefined;
}

/** An empty input is "not given"; anything else must parse (the contract reports a bad number). */
export function optionalNumber(text: string): number | undefined {
  if (!text.trim()) return undefined;
  const n = Number(text.replace(',', '.'));
  return Number.isNaN(n) ? (text as unknown as number) : n;
}
