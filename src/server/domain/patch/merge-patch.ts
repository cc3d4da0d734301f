import type { MergePatch } from '../../../contracts/common';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Applies a JSON Merge Patch (RFC 7386): a left-out key keeps its value, null removes the key,
 * an object merges key by key into the object it replaces, anything else (arrays too) replaces.
 * The result may break the target's rules (a text with no language left), so callers re-validate.
 */
export function applyMergePatch<T extends object>(target: T, patch: MergePatch<T>): T {
  const out: Record<string, unknown> = { ...(target as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (value === null) delete out[key];
    else if (isPlainObject(value)) out[key] = applyMergePatch(isPlainObject(out[key]) ? out[key] : {}, value);
    else out[key] = value;
  }
  return out as T;
}
