import { z } from 'zod';

/** The three languages every Ponte screen, e-mail and error speaks. */
export const LOCALES = ['it', 'zh', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** Text that may be written in one or more of the three languages; at least one is required. */
export const LocalisedText = z
  .object({
    it: z.string().trim().min(1).max(20_000).optional(),
    zh: z.string().trim().min(1).max(20_000).optional(),
    en: z.string().trim().min(1).max(20_000).optional(),
  })
  .strict()
  .refine((t) => Boolean(t.it || t.zh || t.en), { message: 'at_least_one_language' });
export type LocalisedText = z.infer<typeof LocalisedText>;

/** Short localised text (names, titles). */
export const LocalisedShortText = z
  .object({
    it: z.string().trim().min(1).max(200).optional(),
    zh: z.string().trim().min(1).max(200).optional(),
    en: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((t) => Boolean(t.it || t.zh || t.en), { message: 'at_least_one_language' });
export type LocalisedShortText = z.infer<typeof LocalisedShortText>;

/** Optional display names: each language may be empty. */
export const DisplayNames = z
  .object({
    it: z.string().trim().min(1).max(200).optional(),
    zh: z.string().trim().min(1).max(200).optional(),
    en: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type DisplayNames = z.infer<typeof DisplayNames>;

/**
 * Custom messages below are keys under `fields.` in the server and web catalogues, so the
 * same contract yields a message in the reader's language on both sides.
 */

/** ISO 3166-1 alpha-2, upper case. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'invalid_country');
/** ISO 4217 currency code. */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'invalid_currency');
/** NACE Rev.2 code: section letter, division (13), group (13.1) or class (13.10). */
export const NaceCode = z.string().regex(/^([A-U]|\d{2}(\.\d{1,2})?)$/, 'invalid_nace');
/** HS code: chapter (61), heading (6110) or subheading (611011). */
export const HsCode = z.string().regex(/^(\d{2}|\d{4}|\d{6})$/, 'invalid_hs');
/** ISO 639-1 language code for languages spoken. */
export const LanguageCode = z.string().regex(/^[a-z]{2,3}$/, 'invalid_language');
/** IANA time zone name, checked against the runtime's zone database. */
export const TimeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'invalid_time_zone' },
);
/** Calendar date YYYY-MM-DD. */
export const IsoDate = z.iso.date();
export const Uuid = z.uuid();

export const PageQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Comma-separated or repeated query parameter → array. */
export const listParam = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => {
    if (v === undefined || v === '') return undefined;
    const arr = Array.isArray(v) ? v : [v];
    return arr.flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean);
  }, z.array(item).max(50).optional());

/** RFC 9457 problem details, with field paths for validation errors. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string(), code: z.string() }))
    .optional(),
});
export type Problem = z.infer<typeof Problem>;

/** Pick the best text for a reader: their language, then English, Italian, Chinese. */
export function pickText(text: Partial<Record<Locale, string>> | null | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] ?? text.en ?? text.it ?? text.zh ?? '';
}

type MergePatchValue<V> = V extends readonly unknown[] ? V : V extends Record<string, unknown> ? MergePatch<V> : V;
/**
 * A JSON Merge Patch (RFC 7386) of `T`: a field left out keeps its stored value, an optional
 * field sent as null is cleared, and nested objects (texts in it/zh/en) are patched key by key.
 */
export type MergePatch<T> = {
  [K in keyof T]?: undefined extends T[K] ? MergePatchValue<Exclude<T[K], undefined>> | null : MergePatchValue<T[K]>;
};

/**
 * The PATCH contract for a create contract, derived so the two cannot drift. Optional fields
 * accept null; required ones do not (a 400 names the field). Defaults are dropped on purpose:
 * with them, `{ "city": "Milano" }` would parse as "and reset every defaulted field". Refinements
 * of nested objects are dropped too; the service re-validates the merged result.
 */
export function mergePatchOf<T extends z.ZodObject>(input: T): z.ZodType<MergePatch<z.output<T>>> {
  const patchOf = (object: z.ZodObject): z.ZodObject => {
    const shape: Record<string, z.ZodType> = {};
    for (const [key, field] of Object.entries(object.shape as Record<string, z.ZodType>)) {
      let inner: z.ZodType = field;
      const clearable = inner instanceof z.ZodOptional;
      if (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
      if (inner instanceof z.ZodObject) inner = patchOf(inner);
      shape[key] = clearable ? inner.nullable().optional() : inner.optional();
    }
    return z.object(shape).strict();
  };
  return patchOf(input) as unknown as z.ZodType<MergePatch<z.output<T>>>;
}
