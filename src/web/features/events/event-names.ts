import { pickText, type Locale } from '../../../contracts/common';
import type { OrganisationSummary } from '../../../contracts/organisation';
import { languageTag } from '../../i18n/i18n';

/** An organisation's name for the reader: their language's display name, else another, else the legal name. */
export function organisationName(o: Pick<OrganisationSummary, 'names' | 'legalName'>, locale: Locale): string {
  return pickText(o.names, locale) || o.legalName;
}

const lists = new Map<Locale, Intl.ListFormat>();
/** "italiano, cinese e inglese", "中文、英文和意大利语": lists joined as the reader's language joins them. */
export function listOf(items: readonly string[], locale: Locale): string {
  let f = lists.get(locale);
  if (!f) {
    f = new Intl.ListFormat(languageTag(locale), { type: 'conjunction', style: 'long' });
    lists.set(locale, f);
  }
  return f.format(items);
}
