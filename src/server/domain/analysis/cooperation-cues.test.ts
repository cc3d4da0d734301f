import { describe, expect, it } from 'vitest';
import { findDirectionCues, findTypeCues, inferDirection, rankTypes } from './cooperation-cues';

describe('cooperation cues', () => {
  it.each([
    ['Cerchiamo un distributore in Cina per la nostra maglieria', 'request', 'commercial_partnership'],
    ['We offer OEM manufacturing of cashmere knitwear', 'offer', 'sourcing_manufacturing'],
    ['寻找意大利设计师合作开发秋冬系列', 'request', 'design_licensing'],
    ['提供跨境电商直播带货服务', 'offer', 'cross_border_ecommerce'],
    ['Offriamo tirocini e stage qualificati a giovani designer', 'offer', 'internship'],
    ['Seeking investors for a joint venture in Hangzhou', 'request', 'investment'],
  ] as const)('reads %s', (text, direction, type) => {
    expect(inferDirection(findDirectionCues(text))).toBe(direction);
    expect(rankTypes(findTypeCues(text)).map((t) => t.type)).toContain(type);
  });

  it.each(['Cerco uno stagista modellista per il nostro ufficio stile', '想购买意大利设计师的丝巾花型图案', "I'm looking for a leather supplier"])(
    'reads first-person searches as requests: %s',
    (text) => expect(inferDirection(findDirectionCues(text))).toBe('request'),
  );

  it('reads a Chinese cue only as a whole word: a supplier named is what a searcher asks for', () => {
    expect(inferDirection(findDirectionCues('意大利制鞋机械供应商'))).toBeNull();
    expect(inferDirection(findDirectionCues('意大利18K金链条生产厂家'))).toBeNull();
    expect(inferDirection(findDirectionCues('我们供应意大利制鞋机械'))).toBe('offer');
  });

  it('keeps spans on accented text', () => {
    const text = 'Società mista con università';
    for (const c of findTypeCues(text)) expect(text.slice(c.start, c.end)).toBe(c.surface);
    expect(findTypeCues(text).map((c) => c.value)).toEqual(['joint_venture', 'training_programme']);
  });

  it('returns no direction when there is no cue', () => {
    expect(inferDirection(findDirectionCues('Maglieria in cachemire'))).toBeNull();
  });
});
