import type { Locale } from '../../../contracts/common';
import { translate } from '../../i18n/messages';

/**
 * Messages for checks that only an import makes (columns, keys, references between rows).
 * Kept beside the feature because the CLI is their only reader; field messages shared with the
 * API (unknown sector, invalid country …) come from the server catalogues.
 */
const MESSAGES = {
  unknown_column: {
    en: 'Unknown column; see docs/import-format.md for the accepted columns.',
    it: 'Colonna sconosciuta; le colonne ammesse sono in docs/import-format.md.',
    zh: '未知列；可用的列见 docs/import-format.md。',
  },
  repeated_column: {
    en: 'This column appears more than once.',
    it: 'Questa colonna compare più volte.',
    zh: '该列重复出现。',
  },
  no_header: {
    en: 'The file has no header row.',
    it: 'Il file non ha una riga di intestazione.',
    zh: '文件没有表头行。',
  },
  extra_cells: {
    en: 'This row has more cells than the header has columns.',
    it: 'Questa riga ha più celle delle colonne dell\'intestazione.',
    zh: '该行的单元格数多于表头列数。',
  },
  invalid_slug: {
    en: 'Use lower-case letters, digits and single hyphens, such as maglificio-rossi.',
    it: 'Usa lettere minuscole, cifre e trattini singoli, come maglificio-rossi.',
    zh: '请使用小写字母、数字和单个连字符，例如 maglificio-rossi。',
  },
  duplicate_key: {
    en: 'The same key "{{key}}" is already used in row {{row}}.',
    it: 'La stessa chiave "{{key}}" è già usata nella riga {{row}}.',
    zh: '相同的键“{{key}}”已在第 {{row}} 行使用。',
  },
  invalid_ref: {
    en: 'A ref has 1 to 200 characters.',
    it: 'Un ref ha da 1 a 200 caratteri.',
    zh: 'ref 的长度应为 1 到 200 个字符。',
  },
  organisation_required: {
    en: 'Give the slug of the organisation this opportunity belongs to.',
    it: 'Indica lo slug dell\'organizzazione a cui appartiene l\'opportunità.',
    zh: '请填写该机会所属机构的标识（slug）。',
  },
  unknown_organisation: {
    en: 'No organisation has the slug "{{slug}}".',
    it: 'Nessuna organizzazione ha lo slug "{{slug}}".',
    zh: '没有标识为“{{slug}}”的机构。',
  },
  unknown_district: {
    en: 'No district or park has the slug "{{slug}}", in the database or in this file.',
    it: 'Nessun distretto o parco ha lo slug "{{slug}}", né nel database né in questo file.',
    zh: '数据库和本文件中都没有标识为“{{slug}}”的产业区或园区。',
  },
  not_a_district: {
    en: '"{{slug}}" is not a district or park, so it cannot have members.',
    it: '"{{slug}}" non è un distretto o un parco, quindi non può avere membri.',
    zh: '“{{slug}}”不是产业区或园区，不能拥有成员。',
  },
  self_member: {
    en: 'An organisation cannot be a member of itself.',
    it: 'Un\'organizzazione non può essere membro di sé stessa.',
    zh: '机构不能成为自己的成员。',
  },
  write_failed: {
    en: 'The database refused this row: {{detail}}',
    it: 'Il database ha rifiutato questa riga: {{detail}}',
    zh: '数据库拒绝了此行：{{detail}}',
  },
} as const;

export type ImportMessageKey = keyof typeof MESSAGES;

export function importMessage(locale: Locale, key: ImportMessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[key][locale].replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** Field messages shared with the API, such as `unknown_sector`. */
export const fieldMessage = (locale: Locale, key: string): string => translate(locale, `fields.${key}`);
