import type { Locale } from '../../../contracts/common';
import type { TFunction } from '../../i18n/i18n';
import { formatFigure, formatNumber } from '../../lib/format';

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const CURRENCIES: Record<string, string> = { RMB: 'CNY', CNY: 'CNY', EUR: 'EUR', USD: 'USD' };
/** Units that have a translated, pluralised phrase under `units.` in the catalogues. */
const COUNTED = new Set(['enterprises', 'markets', 'entities', 'people', 'machines', 'countries', 'languages', 'buyers', 'SMEs']);

/**
 * Renders a key fact's value with its unit in the reader's language. Units arrive as English
 * phrases ("billion RMB", "enterprises"); scale words are folded into the number so that Chinese
 * readers see 507.6亿 and Italian readers 50,76 Mrd rather than a translated "billion".
 */
export function formatKeyFact(value: number, unit: string, locale: Locale, t: TFunction): string {
  const [first = '', ...rest] = unit.trim().split(/\s+/);
  const scale = SCALES[first.toLowerCase()];
  const amount = scale ? value * scale : value;
  const base = scale ? rest.join(' ') : unit.trim();

  if (base === '%') return formatNumber(value / 100, locale, { style: 'percent', maximumFractionDigits: 1 });
  const currency = CURRENCIES[base];
  if (currency) {
    const large = Math.abs(amount) >= 1e6;
    return formatNumber(amount, locale, {
      style: 'currency',
      currency,
      notation: large ? 'compact' : 'standard',
      maximumFractionDigits: large ? 2 : 0,
    });
  }
  const figure = formatFigure(amount, locale);
  if (COUNTED.has(base)) return t(`units.${base}` as 'units.people', { count: amount, value: figure });
  return base ? t('units.other', { value: figure, unit: base }) : figure;
}
