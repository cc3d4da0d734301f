import { describe, expect, it } from 'vitest';
import { decodePlx, PlxFormatError, StringTable } from './plx-container';

/** A minimal PLX1 file with one string and one u32 section, written the way the build writes it. */
function buildPlx(strings: string[], numbers: number[], shift = 0): Uint8Array {
  const enc = new TextEncoder();
  const str = enc.encode(strings.join('\n'));
  const strPadded = Math.ceil(str.byteLength / 4) * 4;
  let json = JSON.stringify({
    part: 'test',
    licence: 'CC0-1.0',
    attribution: 'test',
    stats: {},
    sections: {
      words: { type: 'str', offset: 0, byteLength: str.byteLength, count: strings.length },
      ids: { type: 'u32', offset: strPadded, byteLength: numbers.length * 4, count: numbers.length },
    },
  });
  while ((8 + enc.encode(json).byteLength) % 4) json += ' ';
  const head = enc.encode(json);
  const total = 8 + head.byteLength + strPadded + numbers.length * 4;
  const bytes = new Uint8Array(total + shift).subarray(shift);
  bytes.set(enc.encode('PLX1'));
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  view.setUint32(4, head.byteLength, true);
  bytes.set(head, 8);
  bytes.set(str, 8 + head.byteLength);
  numbers.forEach((n, i) => view.setUint32(8 + head.byteLength + strPadded + i * 4, n, true));
  return bytes;
}

describe('PLX1 container', () => {
  it('decodes string and integer sections and finds sorted keys', () => {
    const plx = decodePlx(buildPlx(['fabric', 'leather', '面料'], [7, 0xffffffff]));
    const words = plx.strings('words');
    expect(words.toArray()).toEqual(['fabric', 'leather', '面料']);
    expect(words.find('leather')).toBe(1);
    expect(words.find('面料')).toBe(2);
    expect(words.find('silk')).toBe(-1);
    expect([...plx.u32('ids')]).toEqual([7, 0xffffffff]);
  });

  it('reads integers from a buffer that does not start on a 4-byte boundary', () => {
    expect([...decodePlx(buildPlx(['a'], [1, 2, 3], 1)).u32('ids')]).toEqual([1, 2, 3]);
  });

  it('rejects other files and missing sections with a format error', () => {
    expect(() => decodePlx(new TextEncoder().encode('{"json": true}'))).toThrow(PlxFormatError);
    expect(() => decodePlx(buildPlx(['a'], [1])).u32('words')).toThrow(PlxFormatError);
  });

  it('holds an empty table', () => {
    expect(StringTable.fromJoined('', 0).find('x')).toBe(-1);
  });
});
