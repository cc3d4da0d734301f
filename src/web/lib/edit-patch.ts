import { LOCALES, type MergePatch } from '../../contracts/common';

function isTextByLanguage(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * An edit form's validated input as a merge patch. Every field the form shows is sent; one the
 * reader emptied goes as null, and so does an emptied language of a text, because leaving a
 * field out of a PATCH keeps what is stored. Fields the form does not show are left out.
 */
export function editPatch<T extends object>(data: T, formFields: readonly string[]): MergePatch<T> {
  const values = data as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const field of formFields) {
    const value = values[field];
    if (value === undefined) patch[field] = null;
    else if (isTextByLanguage(value)) patch[field] = Object.fromEntries(LOCALES.map((l) => [l, value[l] ?? null]));
    else patch[field] = value;
  }
  return patch as MergePatch<T>;
}
