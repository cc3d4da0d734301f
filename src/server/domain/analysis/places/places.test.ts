import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ancestorsOf, findPlaces, indexPlaces, PLACE_KINDS, PLACE_LANGS, type PlaceEntry } from './places';

const entries = JSON.parse(
  readFileSync(new URL('../../../lexicon/places/places.json', import.meta.url), 'utf8'),
) as PlaceEntry[];
const index = indexPlaces(entries);
const byId = new Map(entries.map((e) => [e.id, e]));

/** Matches as [id, surface] pairs, checking every span against the text on the way. */
function found(text: string): Array<[string, string]> {
  return findPlaces(index, text).map((m) => {
    expect(text.slice(m.start, m.end)).toBe(m.surface);
    return [m.id, m.surface];
  });
}

const CHINA_PROVINCIAL = [
  'beijing', 'tianjin', 'hebei', 'shanxi', 'inner-mongolia', 'liaoning', 'jilin', 'heilongjiang',
  'shanghai', 'jiangsu', 'zhejiang', 'anhui', 'fujian', 'jiangxi', 'shandong', 'henan', 'hubei',
  'hunan', 'guangdong', 'guangxi', 'hainan', 'chongqing', 'sichuan', 'guizhou', 'yunnan', 'tibet',
  'shaanxi', 'gansu', 'qinghai', 'ningxia', 'xinjiang', 'taiwan', 'hong-kong', 'macau',
];

describe('places gazetteer', () => {
  it('has all 20 Italian regions and 107 provinces, each province under a region', () => {
    const regions = entries.filter((e) => e.country === 'IT' && e.kind === 'region');
    const provinces = entries.filter((e) => e.country === 'IT' && e.kind === 'province');
    expect(regions).toHaveLength(20);
    expect(provinces).toHaveLength(107);
    for (const p of provinces) expect(byId.get(p.parent!)?.kind, p.id).toBe('region');
    const perRegion = (id: string) => provinces.filter((p) => p.parent === id).length;
    expect([perRegion('lombardia'), perRegion('toscana'), perRegion('sicilia'), perRegion('valle-d-aosta')]).toEqual([12, 10, 9, 1]);
  });

  it('has all 34 Chinese provincial-level divisions', () => {
    for (const id of CHINA_PROVINCIAL) expect(byId.has(id), id).toBe(true);
    const underChina = entries.filter((e) => e.parent === 'china');
    expect(underChina).toHaveLength(31);
    expect(['HK', 'MO', 'TW'].map((c) => entries.find((e) => e.kind === 'country' && e.country === c)?.id)).toEqual([
      'hong-kong', 'macau', 'taiwan',
    ]);
  });

  it('names every entry in Italian, Chinese and English, with known kinds and parents', () => {
    for (const e of entries) {
      expect(PLACE_KINDS, e.id).toContain(e.kind);
      expect(e.country, e.id).toMatch(/^[A-Z]{2}$/);
      for (const lang of PLACE_LANGS) expect(e.names[lang].length, `${e.id} ${lang}`).toBeGreaterThan(0);
      if (e.parent !== null) expect(byId.has(e.parent), `${e.id} → ${e.parent}`).toBe(true);
      for (const a of e.ambiguous ?? []) expect(Object.values(e.names).flat(), e.id).toContain(a);
    }
  });

  it('marks how sure each Chinese name of an Italian place is', () => {
    for (const e of entries.filter((x) => x.country === 'IT' && x.kind !== 'country')) {
      expect(['established', 'transliterated'], e.id).toContain(e.zhConfidence);
    }
    expect(byId.get('milano')?.zhConfidence).toBe('established');
  });

  it('names no place in Latin script twice except where the name really is shared', () => {
    const owners = new Map<string, string[]>();
    for (const e of entries) {
      for (const n of new Set([...e.names.it, ...e.names.en].map((x) => x.toLowerCase()))) {
        owners.set(n, [...(owners.get(n) ?? []), e.id]);
      }
    }
    const shared = [...owners].filter(([, ids]) => ids.length > 1).map(([n]) => n);
    expect(shared.sort()).toEqual(['taizhou']);
  });
});

describe('findPlaces', () => {
  it('finds an Italian province and region with exact spans', () => {
    const text = 'Cerchiamo fornitori a Prato e in Lombardia';
    expect(findPlaces(index, text)).toEqual([
      { id: 'prato', start: 22, end: 27, surface: 'Prato', confidence: 'medium' },
      { id: 'lombardia', start: 33, end: 42, surface: 'Lombardia', confidence: 'high' },
    ]);
  });

  it('does not read common words as ambiguous place names', () => {
    expect(found('un prato verde')).toEqual([]);
    expect(found('il cuneo fiscale resta fermo, come le marche di lusso')).toEqual([]);
    expect(found('fine china and a roast turkey')).toEqual([]);
    expect(found('l’azienda usa macchine tedesche')).toEqual([]);
  });

  it('reads a capitalised ambiguous name at a sentence start with low confidence', () => {
    expect(findPlaces(index, 'Prato verde e fiori.')[0]?.confidence).toBe('low');
  });

  it('splits a nested Chinese address into province, city and district', () => {
    const text = '浙江省杭州市临平区';
    expect(findPlaces(index, text)).toEqual([
      { id: 'zhejiang', start: 0, end: 3, surface: '浙江省', confidence: 'high' },
      { id: 'hangzhou', start: 3, end: 6, surface: '杭州市', confidence: 'high' },
      { id: 'linping', start: 6, end: 9, surface: '临平区', confidence: 'high' },
    ]);
    expect(ancestorsOf(index, 'linping').map((e) => e.id)).toEqual(['hangzhou', 'zhejiang', 'china']);
  });

  it('finds pinyin names in English', () => {
    expect(found('factories in Changshu, Jiangsu')).toEqual([
      ['changshu', 'Changshu'],
      ['jiangsu', 'Jiangsu'],
    ]);
  });

  it('knows Italian exonyms and Chinese names of Italian places', () => {
    expect(found('Sull’innovazione Nanchino si allea con Kilometro Rosso')).toEqual([
      ['nanjing', 'Nanchino'],
      ['kilometro-rosso', 'Kilometro Rosso'],
    ]);
    expect(found('我们在米兰设有展厅')).toEqual([['milano', '米兰']]);
    expect(found('tra Roma e Pechino')).toEqual([['roma', 'Roma'], ['beijing', 'Pechino']]);
  });

  it('prefers the longest name', () => {
    expect(found("concerie di Santa Croce sull'Arno e di Reggio Emilia")).toEqual([
      ['santa-croce-sull-arno', "Santa Croce sull'Arno"],
      ['reggio-emilia', 'Reggio Emilia'],
    ]);
    expect(found('江西安徽')).toEqual([['jiangxi', '江西'], ['anhui', '安徽']]);
    expect(found('出口到印度尼西亚')).toEqual([['indonesia', '印度尼西亚']]);
  });

  it('ignores accents, case and the choice between space and hyphen in Latin names', () => {
    expect(found('FORLI CESENA, friuli–venezia giulia e Cantu')).toEqual([
      ['forli-cesena', 'FORLI CESENA'],
      ['friuli-venezia-giulia', 'friuli–venezia giulia'],
      ['cantu', 'Cantu'],
    ]);
  });

  it('matches Latin names only on word boundaries', () => {
    expect(found('Romania e Parmalat')).toEqual([['romania', 'Romania']]);
  });

  it('reads traditional characters as simplified, keeping the original spans', () => {
    expect(found('廣東省東莞市虎門鎮')).toEqual([
      ['guangdong', '廣東省'],
      ['dongguan', '東莞市'],
      ['humen', '虎門鎮'],
    ]);
  });

  it('rejects Chinese names inside phrases that mean something else', () => {
    expect(found('中山大学的三明治，在组织里，平台北部')).toEqual([]);
    expect(found('湖州织里镇')).toEqual([['huzhou', '湖州'], ['zhili', '织里镇']]);
    expect(findPlaces(index, '广东中山')[1]).toMatchObject({ id: 'zhongshan', confidence: 'low' });
    expect(findPlaces(index, '广东中山市')[1]).toMatchObject({ id: 'zhongshan', surface: '中山市', confidence: 'high' });
  });

  it('returns one low-confidence match per entry when a name is shared', () => {
    const ms = findPlaces(index, 'a mill in Taizhou');
    expect(ms.map((m) => [m.id, m.confidence])).toEqual([
      ['taizhou-zhejiang', 'low'],
      ['taizhou-jiangsu', 'low'],
    ]);
  });

  it('keeps spans exact after ligatures and astral characters', () => {
    const text = '😀 ﬁera a Milano';
    const start = text.indexOf('Milano');
    expect(findPlaces(index, text)).toEqual([{ id: 'milano', start, end: start + 6, surface: 'Milano', confidence: 'high' }]);
  });

  it('finds the places of the seed articles', () => {
    const ids = new Set(
      findPlaces(
        index,
        'organizzata dal Distretto di Linping della città di Hangzhou (Capoluogo della Provincia dello Zheijang) ' +
          'e dalla città Contea di Changshu; L’insegna del centro tecnologico di Bergamo, nel distretto di Pukou.',
      ).map((m) => m.id),
    );
    expect([...ids]).toEqual(['linping', 'hangzhou', 'zhejiang', 'changshu', 'bergamo', 'pukou']);
  });
});
