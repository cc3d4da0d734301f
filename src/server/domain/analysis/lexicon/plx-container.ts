/**
 * Decoder for PLX1, the container of the prebuilt lexicon files (src/server/lexicon/general/).
 *
 * Layout: "PLX1", u32 LE header length, JSON header (padded to 4 bytes), then sections aligned to
 * 4 bytes. A "u32" section is a little-endian Uint32Array; a "str" section is UTF-8 strings
 * joined by "\n". Integer sections are viewed in place, without copying; a string section is
 * decoded once into one JS string plus an offset table, never split into hundreds of thousands
 * of small strings (that split alone used to double the load time).
 */

export interface PlxSectionInfo {
  type: 'u32' | 'str';
  offset: number;
  byteLength: number;
  count: number;
}

export interface PlxHeader {
  part: string;
  licence: string;
  attribution: string;
  stats: Record<string, unknown>;
  sections: Record<string, PlxSectionInfo>;
}

export interface PlxContainer {
  header: PlxHeader;
  has(name: string): boolean;
  u32(name: string): Uint32Array;
  strings(name: string): StringTable;
}

/** A list of strings held as one string and the start offset of each entry. */
export class StringTable {
  readonly size: number;

  constructor(
    private readonly text: string,
    private readonly starts: Uint32Array,
  ) {
    this.size = starts.length - 1;
  }

  static fromJoined(text: string, count: number): StringTable {
    const starts = new Uint32Array(count + 1);
    let found = 0;
    if (count > 0) {
      for (let p = 0; ; ) {
        starts[found++] = p;
        const next = text.indexOf('\n', p);
        if (next < 0) break;
        p = next + 1;
      }
    }
    if (found !== count) throw new PlxFormatError(`string table holds ${found} strings, expected ${count}`);
    starts[count] = text.length + 1;
    return new StringTable(text, starts);
  }

  at(i: number): string {
    return this.text.slice(this.starts[i]!, this.starts[i + 1]! - 1);
  }

  /** Index of key in a table sorted by UTF-16 code units (JS default sort, as the build uses), or -1. */
  find(key: string): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const value = this.at(mid);
      if (value === key) return mid;
      if (value < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  toArray(): string[] {
    return Array.from({ length: this.size }, (_, i) => this.at(i));
  }
}

export class PlxFormatError extends Error {
  override name = 'PlxFormatError';
}

const MAGIC = 'PLX1';
const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function decodePlx(bytes: Uint8Array): PlxContainer {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  if (bytes.byteLength < 8 || decoder.decode(bytes.subarray(0, 4)) !== MAGIC) {
    throw new PlxFormatError('not a PLX1 lexicon file');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(4, true);
  const header = JSON.parse(decoder.decode(bytes.subarray(8, 8 + headerLength))) as PlxHeader;
  const base = 8 + headerLength;

  function section(name: string, type: PlxSectionInfo['type']): PlxSectionInfo {
    const info = header.sections[name];
    if (!info || info.type !== type) throw new PlxFormatError(`${header.part}: missing ${type} section ${name}`);
    if (base + info.offset + info.byteLength > bytes.byteLength) throw new PlxFormatError(`${header.part}: truncated at ${name}`);
    return info;
  }

  return {
    header,
    has: (name) => name in header.sections,
    u32(name) {
      const { offset, count } = section(name, 'u32');
      const start = bytes.byteOffset + base + offset;
      // Node pools small Buffers at arbitrary offsets, and big-endian hosts need a byte swap.
      if (start % 4 === 0 && HOST_IS_LITTLE_ENDIAN) return new Uint32Array(bytes.buffer, start, count);
      const out = new Uint32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getUint32(base + offset + i * 4, true);
      return out;
    },
    strings(name) {
      const { offset, byteLength, count } = section(name, 'str');
      return StringTable.fromJoined(decoder.decode(bytes.subarray(base + offset, base + offset + byteLength)), count);
    },
  };
}
