import { useRef, useState, type KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { ContactRequest } from '../../../contracts/contacts';
import { SelectField } from '../../components/fields';
import { EmptyState, Loading, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { browserTimeZone } from '../../lib/format';
import { useFetch } from '../../lib/use-fetch';
import { useTitle } from '../layout/layout';
import { useSession } from '../session/session';
import { contactApi, type ContactBox } from './contact-api';
import { ContactRequestCard } from './contact-request-card';
import { CONTACT_STATUSES, inboxParams, inboxViewFrom, type InboxView } from './contact-view';

const BOXES: ContactBox[] = ['inbox', 'sent'];

export function InboxPage() {
  const { t } = useT();
  useTitle(t('inbox.title'));
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const view = inboxViewFrom(params);
  const memberships = user?.memberships ?? [];

  const show = (next: InboxView) => setParams(inboxParams(next));

  return (
    <div className="narrow narrow--wide">
      <h1>{t('inbox.title')}</h1>
      <p className="lead">{t('inbox.intro')}</p>
      {memberships.length === 0 ? (
        <EmptyState title={t('inbox.noOrganisationTitle')}>
          <p>{t('inbox.noOrganisation')}</p>
          <p>
            <Link className="button" to="/organisations/new">
              {t('myOrganisations.create')}
            </Link>
          </p>
        </EmptyState>
      ) : (
        <>
          <BoxTabs box={view.box} onChange={(box) => show({ ...view, box })} />
          <div role="tabpanel" id="inbox-panel" aria-labelledby={`inbox-tab-${view.box}`} className="inbox-panel">
            <div className="inbox-filter">
              <SelectField label={t('inbox.filter')} value={view.status ?? ''}
                onChange={(e) => show({ ...view, status: CONTACT_STATUSES.find((s) => s === e.target.value) })}
                options={[{ value: '', label: t('inbox.allStatuses') }, ...CONTACT_STATUSES.map((s) => ({ value: s, label: t(`inbox.status.${s}`) }))]} />
            </div>
            <RequestList view={view} timeZone={user?.timeZone ?? browserTimeZone()} severalOrganisations={memberships.length > 1}
              onShowAll={() => show({ ...view, status: undefined })} />
          </div>
        </>
      )}
    </div>
  );
}

/** Received / Sent as an ARIA tab list: arrow keys move between the tabs, Tab leaves them. */
function BoxTabs({ box, onChange }: { box: ContactBox; onChange: (box: ContactBox) => void }) {
  const { t } = useT();
  const tabs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const index = e.key === 'Home' ? 0 : e.key === 'End' ? BOXES.length - 1 : (BOXES.indexOf(box) + step + BOXES.length) % BOXES.length;
    const next = BOXES[index]!;
    onChange(next);
    tabs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={t('inbox.boxes')} className="tabs" onKeyDown={onKeyDown}>
      {BOXES.map((b) => (
        <button key={b} ref={(el) => { tabs.current[b] = el; }} type="button" role="tab" id={`inbox-tab-${b}`}
          aria-selected={b === box} aria-controls="inbox-panel" tabIndex={b === box ? 0 : -1} className="tabs__tab"
          onClick={() => onChange(b)}>
          {t(b === 'inbox' ? 'inbox.received' : 'inbox.sent')}
        </button>
      ))}
    </div>
  );
}

interface ListProps {
  view: InboxView;
  timeZone: string;
  severalOrganisations: boolean;
  onShowAll: () => void;
}

function RequestList({ view, timeZone, severalOrganisations, onShowAll }: ListProps) {
  const { t } = useT();
  const list = useFetch(() => contactApi.list(view.box, view.status), `${view.box}|${view.status ?? ''}`);
  // Answers given on this page replace the listed copies, so a card keeps its place and result.
  const [answered, setAnswered] = useState<Record<string, ContactRequest>>({});

  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error')
    return (
      <ProblemMessage error={list.error} action={
        <button type="button" className="button button--small" onClick={list.reload}>
          {t('inbox.retry')}
        </button>
      } />
    );

  const items = list.data.items.map((item) => answered[item.id] ?? item);
  if (items.length === 0) return <EmptyInbox view={view} onShowAll={onShowAll} />;
  return (
    <ul className="plain-list card-list">
      {items.map((item) => (
        <li key={item.id}>
          <ContactRequestCard request={item} timeZone={timeZone} showOwnOrganisation={severalOrganisations}
            onAnswered={(updated) => setAnswered((prev) => ({ ...prev, [updated.id]: updated }))} />
        </li>
      ))}
    </ul>
  );
}

/** Empty states say what will appear here and how to make it happen. */
function EmptyInbox({ view, onShowAll }: { view: InboxView; onShowAll: () => void }) {
  const { t } = useT();
  if (view.status) {
    return (
      <EmptyState title={t('inbox.emptyFilteredTitle')}>
        <p>{t('inbox.emptyFiltered')}</p>
        <p>
          <button type="button" className="button button--quiet" onClick={onShowAll}>
            {t('inbox.showAll')}
          </button>
        </p>
      </EmptyState>
    );
  }
  if (view.box === 'inbox') {
    return (
      <EmptyState title={t('inbox.emptyInboxTitle')}>
        <p>{t('inbox.emptyInbox')}</p>
        <p>{t('inbox.emptyInboxTip')}</p>
        <p className="actions actions--center">
          <Link to="/my/organisations">{t('nav.myOrganisations')}</Link>
          <Link to="/opportunities/new">{t('organisation.publishOpportunity')}</Link>
        </p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title={t('inbox.emptySentTitle')}>
      <p>{t('inbox.emptySent')}</p>
      <p className="actions actions--center">
        <Link to="/organisations">{t('nav.directory')}</Link>
        <Link to="/opportunities">{t('nav.opportunities')}</Link>
      </p>
    </EmptyState>
  );
}
