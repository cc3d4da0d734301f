import { useRef, useState, type KeyboardEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { Event, Participant } from '../../../contracts/events';
import { Localised } from '../../components/localised';
import { SelectField } from '../../components/fields';
import { EmptyState, Loading, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { useFetch } from '../../lib/use-fetch';
import { useTitle } from '../layout/layout';
import { useSession } from '../session/session';
import { AgendaPanel } from './agenda-panel';
import { AvailabilityPanel } from './availability-panel';
import { eventApi } from './event-api';
import { organisationName } from './event-names';
import { MeetPanel } from './meet-panel';
import { RequestsPanel } from './requests-panel';
import './events.css';

const TABS = ['agenda', 'meet', 'requests', 'availability'] as const;
type Tab = (typeof TABS)[number];

/** Participant area: agenda, whom to meet, meeting requests and availability of one of my approved participants. */
export function ParticipantAreaPage() {
  const { id = '' } = useParams();
  const { t, locale } = useT();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const state = useFetch(async () => {
    const [event, participants] = await Promise.all([eventApi.get(id), eventApi.participants(id)]);
    return { event, participants: participants.items };
  }, `area|${id}|${user?.id ?? ''}`);
  // Settings saved on the availability tab, so switching tabs does not show the copy loaded first.
  const [saved, setSaved] = useState<Record<string, Participant>>({});
  useTitle(t('events.area.title'));

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ProblemMessage error={state.error} />;
  const { event } = state.data;
  const participants = state.data.participants.map((p) => saved[p.id] ?? p);
  const myOrgs = new Set(user?.memberships.map((m) => m.organisationId) ?? []);
  const mine = participants.filter((p) => myOrgs.has(p.organisation.id) && p.status === 'approved');
  const me = mine.find((p) => p.id === params.get('participant')) ?? mine[0];
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'agenda';
  const show = (next: { participant?: string; tab?: Tab }) =>
    setParams({ participant: next.participant ?? me?.id ?? '', tab: next.tab ?? tab }, { replace: false });

  return (
    <div className="narrow narrow--wide">
      <p>
        <Link to={`/events/${event.id}`}>
          ← <Localised text={event.title} />
        </Link>
      </p>
      <h1>{t('events.area.title')}</h1>
      {!me ? (
        <EmptyState title={t('events.area.notApprovedTitle')}>
          <p>{t('events.area.notApproved')}</p>
          <p>
            <Link to={`/events/${event.id}`}>{t('events.area.toEvent')}</Link>
          </p>
        </EmptyState>
      ) : (
        <>
          {mine.length > 1 ? (
            <SelectField label={t('events.area.actingFor')} value={me.id} options={mine.map((p) => ({ value: p.id, label: organisationName(p.organisation, locale) }))}
              onChange={(e) => show({ participant: e.target.value })} />
          ) : (
            <p className="lead">{t('events.area.intro', { name: organisationName(me.organisation, locale) })}</p>
          )}
          <AreaTabs tab={tab} onChange={(next) => show({ tab: next })} />
          <div role="tabpanel" id="area-panel" aria-labelledby={`area-tab-${tab}`}>
            <AreaPanel key={me.id} tab={tab} event={event} me={me} participants={participants} onSaved={(p) => setSaved((s) => ({ ...s, [p.id]: p }))} />
          </div>
        </>
      )}
    </div>
  );
}

function AreaPanel({ tab, event, me, participants, onSaved }: {
  tab: Tab;
  event: Event;
  me: Participant;
  participants: Participant[];
  onSaved: (p: Participant) => void;
}) {
  switch (tab) {
    case 'agenda':
      return <AgendaPanel event={event} me={me} />;
    case 'meet':
      return <MeetPanel event={event} me={me} participants={participants} />;
    case 'requests':
      return <RequestsPanel event={event} me={me} />;
    case 'availability':
      return <AvailabilityPanel event={event} me={me} onSaved={onSaved} />;
  }
}

/** ARIA tabs: arrow keys move between them, Tab leaves the list. */
function AreaTabs({ tab, onChange }: { tab: Tab; onChange: (tab: Tab) => void }) {
  const { t } = useT();
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length]!;
    onChange(next);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={t('events.area.sections')} className="tabs events-tabs" onKeyDown={onKeyDown}>
      {TABS.map((x) => (
        <button key={x} ref={(el) => { refs.current[x] = el; }} type="button" role="tab" id={`area-tab-${x}`} aria-selected={x === tab}
          aria-controls="area-panel" tabIndex={x === tab ? 0 : -1} className="tabs__tab" onClick={() => onChange(x)}>
          {t(`events.area.tab.${x}`)}
        </button>
      ))}
    </div>
  );
}
