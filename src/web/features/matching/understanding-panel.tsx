import { useId, useMemo } from 'react';
import type { ConceptRef, TextUnderstanding } from '../../../contracts/matching';
import { MAX_CONCEPT_CORRECTIONS, type OpportunityType } from '../../../contracts/opportunity';
import { languageTag, useT, type MessageKey, type TFunction } from '../../i18n/i18n';
import { formatMoney, formatNumber } from '../../lib/format';
import type { Locale } from '../../../contracts/common';
import { ConceptAdder } from './concept-adder';
import { useConceptLabels, useUnderstanding } from './use-understanding';

export interface ConceptCorrections {
  added: string[];
  removed: string[];
}

type Direction = 'offer' | 'request';

/**
 * "What we understood" beside the opportunity form (issue 3 item 4): concepts, cooperation,
 * quantities, budget, places, time frames and certifications read from the title and
 * description in any language, shown in the writer's. The writer removes a concept Ponte misread
 * or adds one it missed; matching honours these corrections once the opportunity is saved.
 */
export function UnderstandingPanel({
  text,
  direction,
  type,
  corrections,
  onCorrections,
  onUseDirection,
  onUseType,
}: {
  text: string;
  direction: Direction;
  type: OpportunityType;
  corrections: ConceptCorrections;
  onCorrections: (next: ConceptCorrections) => void;
  onUseDirection: (direction: Direction) => void;
  onUseType: (type: OpportunityType) => void;
}) {
  const { t, locale } = useT();
  const headingId = useId();
  const { data, empty, reading, failed } = useUnderstanding(text);

  // One chip per concept, quoting every passage that named it.
  const detected = useMemo(() => {
    const byId = new Map<string, { concept: ConceptRef; surfaces: string[] }>();
    for (const m of data?.concepts ?? []) {
      const entry = byId.get(m.concept.id) ?? { concept: m.concept, surfaces: [] };
      if (!entry.surfaces.includes(m.surface)) entry.surfaces.push(m.surface);
      byId.set(m.concept.id, entry);
    }
    return byId;
  }, [data]);
  const known = useMemo(() => new Map([...detected].map(([id, e]) => [id, e.concept])), [detected]);
  const { label, remember } = useConceptLabels([...corrections.added, ...corrections.removed], known);

  const removed = new Set(corrections.removed);
  const shown = [...detected.values()].filter((e) => !removed.has(e.concept.id));
  const added = corrections.added.filter((id) => !detected.has(id));
  const visible = new Set([...shown.map((e) => e.concept.id), ...added]);

  const remove = (id: string) =>
    onCorrections(
      corrections.added.includes(id)
        ? { ...corrections, added: corrections.added.filter((x) => x !== id) }
        : { ...corrections, removed: [...corrections.removed, id] },
    );
  const restore = (id: string) => onCorrections({ ...corrections, removed: corrections.removed.filter((x) => x !== id) });
  const add = (c: ConceptRef) => {
    remember(c);
    if (removed.has(c.id)) restore(c.id);
    else if (!detected.has(c.id)) onCorrections({ ...corrections, added: [...corrections.added, c.id] });
  };

  const readType = data?.types[0] && data.types[0].score >= 0.5 ? data.types[0].type : null;

  return (
    <section className="understanding" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('understanding.title')}</h2>
      <p className="field__hint">{t('understanding.intro')}</p>
      <p className="understanding__status" role="status">
        {reading ? t('understanding.reading') : failed ? t('understanding.failed') : ''}
      </p>
      {empty && <p className="muted">{t('understanding.waiting')}</p>}

      {data && (
        <>
          {(data.direction || readType) && (
            <div className="understanding__block">
              <h3>{t('understanding.cooperation')}</h3>
              <p>
                {[data.direction && t(`directions.${data.direction}`), readType && t(`opportunityTypes.${readType}`)].filter(Boolean).join(' · ')}
              </p>
              {data.direction && data.direction !== direction && (
                <p className="understanding__hint">
                  {t(data.direction === 'offer' ? 'understanding.readsAsOffer' : 'understanding.readsAsRequest')}{' '}
                  <button type="button" className="link-button" onClick={() => onUseDirection(data.direction!)}>
                    {t(data.direction === 'offer' ? 'understanding.useOffer' : 'understanding.useRequest')}
                  </button>
                </p>
              )}
              {readType && readType !== type && (
                <p className="understanding__hint">
                  {t('understanding.readsAsType', { read: t(`opportunityTypes.${readType}`), chosen: t(`opportunityTypes.${type}`) })}{' '}
                  <button type="button" className="link-button" onClick={() => onUseType(readType)}>
                    {t('understanding.useType', { type: t(`opportunityTypes.${readType}`) })}
                  </button>
                </p>
              )}
            </div>
          )}

          <div className="understanding__block">
            <h3>{t('understanding.concepts')}</h3>
            {shown.length === 0 && added.length === 0 ? (
              <p className="muted">{t('understanding.noConcepts')}</p>
            ) : (
              <ul className="chips" aria-label={t('understanding.concepts')}>
                {shown.map(({ concept, surfaces }) => (
                  <li key={concept.id} className="chip">
                    <span>
                      <span className="chip__label">{concept.label}</span>{' '}
                      <span className="chip__source">{t('understanding.fromWords', { words: surfaces.join(t('understanding.wordSeparator')) })}</span>
                    </span>
                    <button type="button" className="chip__remove" aria-label={t('understanding.remove', { concept: concept.label })} onClick={() => remove(concept.id)}>
                      ×
                    </button>
                  </li>
                ))}
                {added.map((id) => (
                  <li key={id} className="chip chip--added">
                    <span>
                      <span className="chip__label">{label(id).label}</span> <span className="chip__source">{t('understanding.addedByYou')}</span>
                    </span>
                    <button type="button" className="chip__remove" aria-label={t('understanding.remove', { concept: label(id).label })} onClick={() => remove(id)}>
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {corrections.removed.length > 0 && (
              <>
                <h4>{t('understanding.ignored')}</h4>
                <ul className="chips" aria-label={t('understanding.ignored')}>
                  {corrections.removed.map((id) => (
                    <li key={id} className="chip chip--ignored">
                      <s>{label(id).label}</s>
                      <button type="button" className="chip__restore" aria-label={t('understanding.restoreOne', { concept: label(id).label })} onClick={() => restore(id)}>
                        {t('understanding.restore')}
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <ConceptAdder exclude={visible} disabled={corrections.added.length >= MAX_CONCEPT_CORRECTIONS} onAdd={add} />
          </div>

          <Facts data={data} t={t} locale={locale} />
        </>
      )}
    </section>
  );
}

const TIME_LABEL = { by: 'understanding.timeBy', from: 'understanding.timeFrom', within: 'understanding.timeWithin', during: 'understanding.timeDuring' } as const;
const PER_KEY = { day: 'understanding.perDay', week: 'understanding.perWeek', month: 'understanding.perMonth', year: 'understanding.perYear' } as const;

/** "2027-03" → "March 2027"; "2026-Q3" → "Q3 2026"; "2027" → "2027", in the reader's language. */
function formatPeriod(date: string, locale: Locale, t: TFunction): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(date);
  if (quarter) return t('understanding.quarter', { year: quarter[1], quarter: quarter[2] });
  const month = /^(\d{4})-(\d{2})$/.exec(date);
  if (month) {
    const d = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 15));
    return new Intl.DateTimeFormat(languageTag(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
  }
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (day) return new Intl.DateTimeFormat(languageTag(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
  return date;
}

function Facts({ data, t, locale }: { data: TextUnderstanding; t: TFunction; locale: Locale }) {
  const rows: Array<{ key: string; label: string; items: Array<{ key: string; text: string; note?: string }> }> = [];
  if (data.quantities.length) {
    rows.push({
      key: 'quantities',
      label: t('understanding.quantities'),
      items: data.quantities.map((q, i) => {
        const amount = t(`understanding.unit.${q.unit}` as MessageKey, { count: q.value, amount: formatNumber(q.value, locale) });
        return {
          key: `${i}`,
          text: q.per ? t(PER_KEY[q.per], { amount }) : amount,
          note: q.role === 'plain' ? undefined : t(q.role === 'minimum_order' ? 'understanding.minimumOrder' : 'understanding.volume'),
        };
      }),
    });
  }
  if (data.money.length) {
    rows.push({
      key: 'budget',
      label: t('understanding.budget'),
      items: data.money.map((m, i) => ({
        key: `${i}`,
        text:
          m.min === m.max
            ? formatMoney(m.min, m.currency, locale)
            : t('opportunity.budgetRange', { min: formatMoney(m.min, m.currency, locale), max: formatMoney(m.max, m.currency, locale) }),
      })),
    });
  }
  if (data.places.length) {
    const names = [...new Set(data.places.map((p) => p.name))];
    rows.push({ key: 'places', label: t('understanding.places'), items: names.map((n) => ({ key: n, text: n })) });
  }
  if (data.timeFrames.length) {
    rows.push({
      key: 'time',
      label: t('understanding.timeFrames'),
      items: data.timeFrames.map((f, i) => ({
        key: `${i}`,
        note: t(TIME_LABEL[f.relation]),
        text: f.date ? formatPeriod(f.date, locale, t) : f.months !== null ? t('understanding.months', { count: f.months }) : f.surface,
      })),
    });
  }
  if (data.certifications.length) {
    const labels = [...new Set(data.certifications.map((c) => c.concept.label))];
    rows.push({ key: 'certifications', label: t('understanding.certifications'), items: labels.map((l) => ({ key: l, text: l })) });
  }
  if (!rows.length) return null;
  return (
    <dl className="facts-list understanding__facts">
      {rows.map((r) => (
        <div key={r.key}>
          <dt>{r.label}</dt>
          <dd>
            <ul className="plain-list">
              {r.items.map((item) => (
                <li key={item.key}>
                  {item.note && <span className="muted">{item.note} </span>}
                  {item.text}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ))}
    </dl>
  );
}
