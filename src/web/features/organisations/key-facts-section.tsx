import { useEffect, useRef, useState, type FormEvent } from 'react';
import { pickText } from '../../../contracts/common';
import { KeyFactInput, type KeyFact, type OrganisationDetail } from '../../../contracts/organisation';
import { TextField } from '../../components/fields';
import { Localised } from '../../components/localised';
import { LocalisedInputs, localisedDraft, localisedValue, optionalNumber, optionalText } from '../../components/localised-inputs';
import { EmptyState, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { useFormSubmit } from '../../lib/use-form-submit';
import { problemForItem, validate } from '../../lib/validation';
import { formatKeyFact } from './key-fact-format';
import { organisationApi } from './organisation-api';
import { organisationName } from './organisation-card';

type FactDraft = ReturnType<typeof factDraft>;

function factDraft(fact: KeyFact | null) {
  return {
    label: localisedDraft(fact?.label),
    value: fact ? String(fact.value) : '',
    unit: fact?.unit ?? '',
    year: fact?.year?.toString() ?? '',
    sourceTitle: fact?.sourceTitle ?? '',
    sourceUrl: fact?.sourceUrl ?? '',
  };
}

function toInput(d: FactDraft) {
  return {
    label: localisedValue(d.label),
    value: optionalNumber(d.value),
    unit: d.unit.trim(),
    year: optionalNumber(d.year),
    sourceTitle: d.sourceTitle.trim(),
    sourceUrl: optionalText(d.sourceUrl),
  };
}

/** A stored fact as the API takes it back: the list is always sent whole. */
function asInput(fact: KeyFact): KeyFactInput {
  return {
    label: fact.label,
    value: fact.value,
    unit: fact.unit,
    year: fact.year ?? undefined,
    sourceTitle: fact.sourceTitle,
    sourceUrl: fact.sourceUrl ?? undefined,
  };
}

/** Which fact is being written: a new one (index null) or the one at `index`. */
type Editing = { index: number | null } | null;

/**
 * Key facts of an organisation: figures with their unit, year and source. Members of the
 * organisation add, correct and remove them here; everyone else only reads them.
 */
export function KeyFactsSection({ org, canEdit, onSaved }: { org: OrganisationDetail; canEdit: boolean; onSaved: (org: OrganisationDetail) => void }) {
  const { t, locale } = useT();
  const [editing, setEditing] = useState<Editing>(null);
  const [removeProblem, setRemoveProblem] = useState<unknown>(null);
  const [busyRemoving, setBusyRemoving] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const facts = org.keyFacts;
  if (facts.length === 0 && !canEdit) return null;

  const close = () => {
    setEditing(null);
    requestAnimationFrame(() => addButton.current?.focus());
  };

  const remove = async (index: number) => {
    setRemoveProblem(null);
    setBusyRemoving(true);
    try {
      onSaved(await organisationApi.replaceKeyFacts(org.id, facts.filter((_, i) => i !== index).map(asInput)));
    } catch (error) {
      setRemoveProblem(error);
    } finally {
      setBusyRemoving(false);
    }
  };

  return (
    <section aria-labelledby="key-facts">
      <h2 id="key-facts">{t('organisation.keyFacts')}</h2>
      {removeProblem !== null && <ProblemMessage error={removeProblem} />}
      {facts.length === 0 && editing === null && (
        <EmptyState title={t('keyFacts.emptyTitle')}>
          <p>{t('keyFacts.empty', { name: organisationName(org, locale) })}</p>
        </EmptyState>
      )}
      {facts.length > 0 && (
        <ul className="facts">
          {facts.map((fact, index) =>
            editing?.index === index ? null : (
              <li key={fact.id} className="fact">
                <p className="fact__value">{formatKeyFact(fact.value, fact.unit, locale, t)}</p>
                <p className="fact__label">
                  <Localised text={fact.label} />
                </p>
                <p className="fact__source">
                  {fact.year !== null && <span>{t('organisation.factYear', { year: fact.year })} · </span>}
                  {t('organisation.source')}:{' '}
                  {fact.sourceUrl ? <a href={fact.sourceUrl}>{fact.sourceTitle}</a> : <cite>{fact.sourceTitle}</cite>}
                </p>
                {canEdit && editing === null && (
                  <p className="fact__actions">
                    <button type="button" className="link-button" onClick={() => setEditing({ index })}
                      aria-label={t('keyFacts.editOne', { label: pickText(fact.label, locale) })}>
                      {t('keyFacts.edit')}
                    </button>
                    <button type="button" className="link-button" disabled={busyRemoving} onClick={() => void remove(index)}
                      aria-label={t('keyFacts.removeOne', { label: pickText(fact.label, locale) })}>
                      {t('keyFacts.remove')}
                    </button>
                  </p>
                )}
              </li>
            ),
          )}
        </ul>
      )}
      {canEdit && editing !== null && (
        <KeyFactForm
          key={editing.index ?? 'new'}
          org={org}
          index={editing.index}
          onSaved={(saved) => {
            onSaved(saved);
            close();
          }}
          onCancel={close}
        />
      )}
      {canEdit && editing === null && (
        <p className="actions">
          <button ref={addButton} type="button" className="button button--quiet" onClick={() => setEditing({ index: null })}>
            {t('keyFacts.add')}
          </button>
        </p>
      )}
    </section>
  );
}

function KeyFactForm({
  org,
  index,
  onSaved,
  onCancel,
}: {
  org: OrganisationDetail;
  index: number | null;
  onSaved: (org: OrganisationDetail) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useT();
  const [draft, setDraft] = useState(() => factDraft(index === null ? null : org.keyFacts[index] ?? null));
  const { errors, problem, busy, run } = useFormSubmit();
  const form = useRef<HTMLFormElement>(null);
  const set = <K extends keyof FactDraft>(key: K, value: FactDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, []);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(validate(KeyFactInput, toInput(draft), locale, t), async (fact) => {
      const facts = org.keyFacts.map(asInput);
      const position = index ?? facts.length;
      facts.splice(position, index === null ? 0 : 1, fact);
      try {
        onSaved(await organisationApi.replaceKeyFacts(org.id, facts));
      } catch (error) {
        throw problemForItem(error, `facts.${position}`);
      }
    });
  };

  const title = index === null ? t('keyFacts.addTitle') : t('keyFacts.editTitle');
  return (
    <form ref={form} className="form fact-form" noValidate onSubmit={onSubmit} aria-label={title}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <h3>{title}</h3>
      {problem !== null && <ProblemMessage error={problem} />}
      <LocalisedInputs legend={t('keyFacts.label')} hint={t('keyFacts.labelHint')} path="label" value={draft.label} errors={errors}
        onChange={(v) => set('label', v)} />
      <div className="form-row">
        <TextField label={t('keyFacts.value')} hint={t('keyFacts.valueHint')} inputMode="decimal" required value={draft.value}
          error={errors.value} onChange={(e) => set('value', e.target.value)} />
        <TextField label={t('keyFacts.unit')} hint={t('keyFacts.unitHint')} required value={draft.unit} error={errors.unit}
          onChange={(e) => set('unit', e.target.value)} />
      </div>
      <TextField label={t('keyFacts.sourceTitle')} hint={t('keyFacts.sourceTitleHint')} required value={draft.sourceTitle}
        error={errors.sourceTitle} onChange={(e) => set('sourceTitle', e.target.value)} />
      <div className="form-row">
        <TextField label={t('keyFacts.year')} inputMode="numeric" value={draft.year} error={errors.year}
          onChange={(e) => set('year', e.target.value)} />
        <TextField label={t('keyFacts.sourceUrl')} type="url" placeholder="https://" value={draft.sourceUrl} error={errors.sourceUrl}
          onChange={(e) => set('sourceUrl', e.target.value)} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('keyFacts.save')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
