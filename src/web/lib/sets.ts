/** A copy of `set` with `keys` in it (`present`) or out of it: for React state holding a Set. */
export function withMembers<T>(set: ReadonlySet<T>, keys: Iterable<T>, present: boolean): Set<T> {
  const next = new Set(set);
  for (const k of keys) {
    if (present) next.add(k);
    else next.delete(k);
  }
  return next;
}
