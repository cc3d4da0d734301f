import { describe, expect, it } from 'vitest';
import { serverCatalogs } from './messages';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('server message catalogues', () => {
  const en = flatten(serverCatalogs.en as Tree);
  for (const locale of ['it', 'zh'] as const) {
    const other = flatten(serverCatalogs[locale] as Tree);
    it(`has every English key in ${locale}, no extra keys, and the same placeholders`, () => {
      expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, text] of en) {
        expect(other.get(key), key).toBeTruthy();
        expect([key, vars(other.get(key)!)]).toEqual([key, vars(text)]);
      }
    });
  }
});
