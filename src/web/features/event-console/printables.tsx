import { useId, type ReactNode } from 'react';
import { pickText } from '../../../contracts/common';
import { EmptyState } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { languageName } from '../../lib/format';
import { useConsole } from './console-context';
import { dayLabel } from './console-format';
import { interpreterSchedules, tableCards } from './console-model';

export function PrintButton() {
  const { t } = useT();
  return (
    <button type="button" className="button button--quiet console-no-print" onClick={() => window.print()}>
      {t('console.print')}
    </button>
  );
}

/** Per interpreter, their meetings in slot order; printed one interpreter per page. */
export function InterpreterSchedules() {
  const { t, locale } = useT();
  const view = useConsole();
  const schedules = interpreterSchedules(view.data.interpreters, view.data.meetings, view.data.event.slots);
  if (schedules.length === 0) return <EmptyState title={t('console.interpreters.none')} />;
  return (
    <div className="console-printable">
      <div className="section-head console-no-print">
        <p className="muted">{t('console.interpreters.intro', { zone: view.timeZone })}</p>
        <PrintButton />
      </div>
      {schedules.map(({ interpreter, items }) => (
        <PrintSheet key={interpreter.id} title={interpreter.name}
          subtitle={interpreter.languages.map((l) => languageName(l, locale)).join(' – ')}>
          {items.length === 0 ? (
            <p className="muted">{t('console.interpreters.noMeetings')}</p>
          ) : (
            <table className="console-sheet__table">
              <thead>
                <tr>
                  <th scope="col">{t('console.sheet.when')}</th>
                  <th scope="col">{t('console.sheet.table')}</th>
                  <th scope="col">{t('console.sheet.meeting')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map(({ slot, meeting }) => (
                  <tr key={meeting.id}>
                    <td>{view.slotLabel(slot.id)}</td>
                    <td>{view.table(meeting.tableId)?.name}</td>
                    <td>
                      {meeting.status === 'scheduled'
                        ? view.pairOf(meeting)
                        : t('console.sheet.withStatus', { meeting: view.pairOf(meeting), status: t(`console.status.${meeting.status}`) })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </PrintSheet>
      ))}
    </div>
  );
}

/** One card per table and day to put on the table; printed one card per page. */
export function TableCards() {
  const { t, locale } = useT();
  const view = useConsole();
  const cards = tableCards(view.data.event.tables, view.data.event.slots, view.data.meetings);
  if (cards.length === 0) return <EmptyState title={t('console.cards.none')} />;
  return (
    <div className="console-printable">
      <div className="section-head console-no-print">
        <p className="muted">{t('console.cards.intro', { zone: view.timeZone })}</p>
        <PrintButton />
      </div>
      {cards.map((card) => (
        <PrintSheet key={`${card.table.id}-${card.day}`} title={card.table.name} subtitle={dayLabel(card.day, locale)} big>
          <table className="console-sheet__table">
            <tbody>
              {card.items.map(({ slot, meeting }) => {
                const interpreter = view.interpreter(meeting.interpreterId);
                return (
                  <tr key={meeting.id}>
                    <th scope="row">{view.time(slot)}</th>
                    <td>
                      {view.pairOf(meeting)}
                      {interpreter && <div className="muted">{t('console.grid.interpreter', { name: interpreter.name })}</div>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </PrintSheet>
      ))}
    </div>
  );
}

function PrintSheet({ title, subtitle, big = false, children }: { title: string; subtitle: string; big?: boolean; children: ReactNode }) {
  const view = useConsole();
  const { locale } = useT();
  const headingId = useId();
  const eventTitle = pickText(view.data.event.title, locale);
  return (
    <article className={big ? 'console-sheet console-sheet--card' : 'console-sheet'} aria-labelledby={headingId}>
      <p className="console-sheet__event">{eventTitle}</p>
      <h2 id={headingId} className="console-sheet__title">
        {title}
      </h2>
      <p className="console-sheet__subtitle">{subtitle}</p>
      {children}
    </article>
  );
}
