import { SchedulingInputError } from './compile-instance';
import type { MeetingRequest, Participant, Precedence, SchedulingInstance, Slot } from './instance';

/**
 * Reader for the MiniZinc data files of the UdG B2B benchmark (Bofill et al., JAIR 2022): every
 * field of the format honoured (sessions through nMorningSlots and the session code, forbidden
 * slots, fixed meetings, precedences), the redundant fields cross-checked against `requested`.
 * Ids become the 1-based numbers of the file: participant "7", meeting "12", slot "3".
 */

/** Fairness spread d the benchmark's published optima were computed with. */
export const UDG_BREAK_SPREAD = 2;

type Value =
  | { kind: 'int'; value: number; line: number }
  | { kind: 'set'; items: number[]; line: number }
  | { kind: 'array'; items: Value[]; line: number }
  | { kind: 'rows'; rows: number[][]; line: number };

interface Token {
  text: string;
  line: number;
}

const KNOWN_FIELDS = [
  'nBusiness',
  'nMeetings',
  'nTables',
  'nTotalSlots',
  'nMorningSlots',
  'requested',
  'meetingsxBusiness',
  'nMeetingsBusiness',
  'forbidden',
  'fixed',
  'precedences',
] as const;
type Field = (typeof KNOWN_FIELDS)[number];

export interface DznParseResult {
  instance: SchedulingInstance;
  warnings: string[];
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let k = 0;
  while (k < text.length) {
    const ch = text[k]!;
    if (ch === '\n') {
      line++;
      k++;
    } else if (/\s/.test(ch)) k++;
    else if (ch === '%') {
      while (k < text.length && text[k] !== '\n') k++;
    } else if (ch === '/' && text[k + 1] === '*') {
      const end = text.indexOf('*/', k + 2);
      if (end < 0) throw new SchedulingInputError(`line ${line}`, 'unterminated /* comment');
      for (let j = k; j < end; j++) if (text[j] === '\n') line++;
      k = end + 2;
    } else if (ch === '[' && text[k + 1] === '|') {
      tokens.push({ text: '[|', line });
      k += 2;
    } else if (ch === '|' && text[k + 1] === ']') {
      tokens.push({ text: '|]', line });
      k += 2;
    } else if ('[]{}|,;='.includes(ch)) {
      tokens.push({ text: ch, line });
      k++;
    } else if (/[A-Za-z_]/.test(ch)) {
      let j = k + 1;
      while (j < text.length && /[A-Za-z0-9_]/.test(text[j]!)) j++;
      tokens.push({ text: text.slice(k, j), line });
      k = j;
    } else if (/[-0-9]/.test(ch)) {
      let j = k + 1;
      while (j < text.length && /[0-9]/.test(text[j]!)) j++;
      const raw = text.slice(k, j);
      if (text[j] === '.' && text[j + 1] === '.') throw new SchedulingInputError(`line ${line}`, `ranges (${raw}..) are not supported; write the set out`);
      if (!/^-?\d+$/.test(raw)) throw new SchedulingInputError(`line ${line}`, `malformed number "${raw}"`);
      tokens.push({ text: raw, line });
      k = j;
    } else {
      throw new SchedulingInputError(`line ${line}`, `unexpected character "${ch}"`);
    }
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly lastLine: number,
  ) {}

  done(): boolean {
    return this.pos >= this.tokens.length;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private next(field: string, expected: string): Token {
    const t = this.tokens[this.pos++];
    if (!t) throw new SchedulingInputError(`line ${this.lastLine}, field ${field}`, `unexpected end of file, expected ${expected}`);
    return t;
  }

  expect(text: string, field: string): Token {
    const t = this.next(field, `"${text}"`);
    if (t.text !== text) throw new SchedulingInputError(`line ${t.line}, field ${field}`, `expected "${text}" but found "${t.text}"`);
    return t;
  }

  assignment(): { name: string; line: number; value: Value } {
    const nameTok = this.next('(top level)', 'a field name');
    if (!/^[A-Za-z_]\w*$/.test(nameTok.text)) throw new SchedulingInputError(`line ${nameTok.line}`, `expected a field name but found "${nameTok.text}"`);
    this.expect('=', nameTok.text);
    const value = this.value(nameTok.text);
    this.expect(';', nameTok.text);
    return { name: nameTok.text, line: nameTok.line, value };
  }

  private int(field: string): number {
    const t = this.next(field, 'a whole number');
    if (!/^-?\d+$/.test(t.text)) throw new SchedulingInputError(`line ${t.line}, field ${field}`, `expected a whole number but found "${t.text}"`);
    return Number(t.text);
  }

  private value(field: string): Value {
    const t = this.peek();
    if (!t) return this.fail(field, 'a value');
    if (t.text === '{') return this.set(field);
    if (t.text === '[|') return this.rows(field);
    if (t.text === '[') {
      this.pos++;
      const items: Value[] = [];
      while (this.peek()?.text !== ']') {
        items.push(this.value(field));
        if (this.peek()?.text === ',') this.pos++;
        else if (this.peek()?.text !== ']') return this.fail(field, '"," or "]"');
      }
      this.pos++;
      return { kind: 'array', items, line: t.line };
    }
    return { kind: 'int', value: this.int(field), line: t.line };
  }

  private set(field: string): Value {
    const open = this.expect('{', field);
    const items: number[] = [];
    while (this.peek()?.text !== '}') {
      items.push(this.int(field));
      if (this.peek()?.text === ',') this.pos++;
      else if (this.peek()?.text !== '}') return this.fail(field, '"," or "}"');
    }
    this.pos++;
    return { kind: 'set', items, line: open.line };
  }

  /** `[| a, b, c | d, e, f |]`, rows separated by `|`. */
  private rows(field: string): Value {
    const open = this.expect('[|', field);
    const rows: number[][] = [];
    let row: number[] = [];
    for (;;) {
      const t = this.peek();
      if (!t) return this.fail(field, '"|]"');
      if (t.text === '|]') {
        this.pos++;
        if (row.length > 0) rows.push(row);
        return { kind: 'rows', rows, line: open.line };
      }
      if (t.text === '|') {
        this.pos++;
        rows.push(row);
        row = [];
        continue;
      }
      if (t.text === ',') {
        this.pos++;
        continue;
      }
      row.push(this.int(field));
    }
  }

  private fail(field: string, expected: string): never {
    const t = this.peek();
    throw new SchedulingInputError(`line ${t?.line ?? this.lastLine}, field ${field}`, `expected ${expected} but found ${t ? `"${t.text}"` : 'end of file'}`);
  }
}

/** Parses a .dzn text. Throws SchedulingInputError naming the line and field at fault. */
export function parseDzn(text: string): DznParseResult {
  const tokens = tokenize(text);
  const parser = new Parser(tokens, text.split('\n').length);
  const fields = new Map<string, { line: number; value: Value }>();
  const warnings: string[] = [];
  while (!parser.done()) {
    const { name, line, value } = parser.assignment();
    if (fields.has(name)) throw new SchedulingInputError(`line ${line}, field ${name}`, `assigned twice (first on line ${fields.get(name)!.line})`);
    if (!(KNOWN_FIELDS as readonly string[]).includes(name)) warnings.push(`line ${line}: unknown field ${name} ignored`);
    fields.set(name, { line, value });
  }

  const where = (f: Field) => `line ${fields.get(f)?.line ?? '?'}, field ${f}`;
  const scalar = (f: Field, min: number): number => {
    const v = fields.get(f);
    if (!v) throw new SchedulingInputError(`field ${f}`, 'missing');
    if (v.value.kind !== 'int') throw new SchedulingInputError(where(f), 'expected a whole number');
    if (v.value.value < min) throw new SchedulingInputError(where(f), `expected a whole number ≥ ${min}, got ${v.value.value}`);
    return v.value.value;
  };
  const nBusiness = scalar('nBusiness', 0);
  const nMeetings = scalar('nMeetings', 0);
  const nTables = scalar('nTables', 0);
  const nTotalSlots = scalar('nTotalSlots', 1);
  const nMorningSlots = scalar('nMorningSlots', 0);
  if (nMorningSlots > nTotalSlots) throw new SchedulingInputError(where('nMorningSlots'), `${nMorningSlots} morning slots but only ${nTotalSlots} slots`);

  const requestedField = fields.get('requested');
  if (!requestedField) throw new SchedulingInputError('field requested', 'missing');
  const rows = requestedField.value.kind === 'rows' ? requestedField.value.rows : requestedField.value.kind === 'array' && requestedField.value.items.length === 0 ? [] : null;
  if (!rows) throw new SchedulingInputError(where('requested'), 'expected a 2-d array [| p1, p2, session | … |]');
  if (rows.length !== nMeetings) throw new SchedulingInputError(where('requested'), `${rows.length} rows but nMeetings = ${nMeetings}`);

  const slots: Slot[] = Array.from({ length: nTotalSlots }, (_, i) => ({
    id: String(i + 1),
    session: i < nMorningSlots ? 'morning' : 'afternoon',
  }));
  const meetingsOf: number[][] = Array.from({ length: nBusiness }, () => []);
  const requests: MeetingRequest[] = rows.map((row, i) => {
    const at = `${where('requested')}, row ${i + 1}`;
    if (row.length !== 3) throw new SchedulingInputError(at, `expected 3 values (participant, participant, session) but found ${row.length}`);
    const [p1, p2, code] = row as [number, number, number];
    for (const p of [p1, p2]) {
      if (p < 1 || p > nBusiness) throw new SchedulingInputError(at, `participant ${p} is outside 1..${nBusiness} (nBusiness)`);
    }
    if (p1 === p2) throw new SchedulingInputError(at, `participant ${p1} cannot meet themselves`);
    if (code !== 1 && code !== 2 && code !== 3) throw new SchedulingInputError(at, `session code ${code} is not 1 (morning), 2 (afternoon) or 3 (any)`);
    if (code === 1 && nMorningSlots === 0) throw new SchedulingInputError(at, 'morning-only meeting but nMorningSlots = 0');
    if (code === 2 && nMorningSlots === nTotalSlots) throw new SchedulingInputError(at, 'afternoon-only meeting but every slot is a morning slot');
    meetingsOf[p1 - 1]!.push(i + 1);
    meetingsOf[p2 - 1]!.push(i + 1);
    const req: MeetingRequest = { id: String(i + 1), a: String(p1), b: String(p2), weight: 1, mandatory: true };
    if (code === 1) req.session = 'morning';
    if (code === 2) req.session = 'afternoon';
    return req;
  });

  const arrayOf = (f: Field, length: number, lengthName: string): Value[] | undefined => {
    const v = fields.get(f);
    if (!v) return undefined;
    if (v.value.kind !== 'array') throw new SchedulingInputError(where(f), 'expected an array [ … ]');
    if (v.value.items.length !== length) throw new SchedulingInputError(where(f), `${v.value.items.length} entries but ${lengthName} = ${length}`);
    return v.value.items;
  };
  const setAt = (f: Field, items: Value[], i: number): number[] => {
    const v = items[i]!;
    if (v.kind !== 'set') throw new SchedulingInputError(`line ${v.line}, field ${f}`, `entry ${i + 1} should be a set { … }`);
    return v.items;
  };
  const intAt = (f: Field, items: Value[], i: number): number => {
    const v = items[i]!;
    if (v.kind !== 'int') throw new SchedulingInputError(`line ${v.line}, field ${f}`, `entry ${i + 1} should be a whole number`);
    return v.value;
  };

  const mxb = arrayOf('meetingsxBusiness', nBusiness, 'nBusiness');
  if (mxb) {
    for (let p = 0; p < nBusiness; p++) {
      const declared = setAt('meetingsxBusiness', mxb, p).filter((x) => x !== 1).map((x) => x - 1).sort((x, y) => x - y);
      const actual = meetingsOf[p]!;
      if (declared.join(',') !== actual.join(',')) {
        throw new SchedulingInputError(`line ${mxb[p]!.line}, field meetingsxBusiness`, `participant ${p + 1} lists meetings {${declared.join(',')}} (after removing the dummy 1 and the +1 shift) but requested gives {${actual.join(',')}}`);
      }
    }
  }
  const nmb = arrayOf('nMeetingsBusiness', nBusiness, 'nBusiness');
  if (nmb) {
    for (let p = 0; p < nBusiness; p++) {
      const n = intAt('nMeetingsBusiness', nmb, p);
      if (n !== meetingsOf[p]!.length) throw new SchedulingInputError(where('nMeetingsBusiness'), `participant ${p + 1} is given ${n} meetings but requested has ${meetingsOf[p]!.length}`);
    }
  }

  const participants: Participant[] = Array.from({ length: nBusiness }, (_, p) => ({ id: String(p + 1), languages: [] }));
  const forbidden = arrayOf('forbidden', nBusiness, 'nBusiness');
  if (forbidden) {
    for (let p = 0; p < nBusiness; p++) {
      const set = setAt('forbidden', forbidden, p).filter((s) => s !== 0);
      for (const s of set) {
        if (s < 1 || s > nTotalSlots) throw new SchedulingInputError(`line ${forbidden[p]!.line}, field forbidden`, `participant ${p + 1}: slot ${s} is outside 1..${nTotalSlots}`);
      }
      if (set.length > 0) participants[p]!.forbidden = [...new Set(set)].sort((x, y) => x - y).map(String);
    }
  }
  const fixed = arrayOf('fixed', nMeetings, 'nMeetings');
  if (fixed) {
    for (let m = 0; m < nMeetings; m++) {
      const s = intAt('fixed', fixed, m);
      if (s === 0) continue;
      if (s < 1 || s > nTotalSlots) throw new SchedulingInputError(`line ${fixed[m]!.line}, field fixed`, `meeting ${m + 1}: slot ${s} is outside 1..${nTotalSlots} (0 = free)`);
      requests[m]!.fixedSlot = String(s);
    }
  }
  const precedences: Precedence[] = [];
  const prec = arrayOf('precedences', nMeetings, 'nMeetings');
  if (prec) {
    for (let m = 0; m < nMeetings; m++) {
      for (const q of setAt('precedences', prec, m)) {
        if (q < 1 || q > nMeetings) throw new SchedulingInputError(`line ${prec[m]!.line}, field precedences`, `meeting ${m + 1}: meeting ${q} is outside 1..${nMeetings}`);
        if (q === m + 1) throw new SchedulingInputError(`line ${prec[m]!.line}, field precedences`, `meeting ${m + 1} cannot precede itself`);
        precedences.push({ before: String(q), after: String(m + 1) });
      }
    }
  }
  for (const f of ['meetingsxBusiness', 'nMeetingsBusiness', 'forbidden', 'fixed', 'precedences'] as const) {
    if (!fields.has(f)) warnings.push(`field ${f} absent: taken as empty`);
  }

  return {
    instance: { slots, tables: nTables, interpreters: [], participants, requests, precedences, breakSpread: UDG_BREAK_SPREAD },
    warnings,
  };
}
