import { useEffect, useState } from 'react';
import { pickText, type Locale } from '../../../contracts/common';
import type { Product, Sector } from '../../../contracts/system';
import { api } from '../../lib/api';

export type ReferenceKind = 'sectors' | 'products';
export type ReferenceItem = Sector | Product;

const cache = new Map<ReferenceKind, Promise<ReferenceItem[]>>();

function load(kind: ReferenceKind): Promise<ReferenceItem[]> {
  let pending = cache.get(kind);
  if (!pending) {
    pending = api.get<{ items: ReferenceItem[] }>(`/reference/${kind}`).then((r) => r.items);
    pending.catch(() => cache.delete(kind));
    cache.set(kind, pending);
  }
  return pending;
}

export interface ReferenceList {
  items: ReferenceItem[];
  byCode: Map<string, ReferenceItem>;
  /** "14.13 Manufacture of other outerwear" in the reader's language; the bare code while loading. */
  label: (code: string, locale: Locale) => string;
}

const EMPTY: ReferenceList = { items: [], byCode: new Map(), label: (code) => code };

/** NACE sectors or HS products, fetched once per page load and shared by every picker. */
export function useReference(kind: ReferenceKind): ReferenceList {
  const [list, setList] = useState<ReferenceList>(EMPTY);
  useEffect(() => {
    let live = true;
    load(kind).then(
      (items) => {
        if (!live) return;
        const byCode = new Map(items.map((i) => [i.code, i]));
        setList({
          items,
          byCode,
          label: (code, locale) => {
            const item = byCode.get(code);
            return item ? pickText(item.label, locale) : code;
          },
        });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [kind]);
  return list;
}
