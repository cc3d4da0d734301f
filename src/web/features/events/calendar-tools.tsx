import { useId, useState } from 'react';
import type { Event, Participant } from '../../../contracts/events';
import { ProblemMessage } from '../../components/status';
import { currentLocale, useT } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { eventApi } from './event-api';

/** Fetches a file with the session cookie and the screen language, then hands it to the browser as a download. */
async function download(url: string, filename: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { 'x-ponte-locale': currentLocale() } });
  } catch {
    throw new ApiError({ type: 'about:blank#network', title: '', status: 0 });
  }
  if (!response.ok) {
    let problem = { type: 'about:blank', title: response.statusText, status: response.status };
    try {
      problem = { ...(await response.json()), status: response.status };
    } catch {
      // Not JSON: keep the status line.
    }
    throw new ApiError(problem);
  }
  const href = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** iCal download, a secret subscription link for calendar apps (with copy), and the printable PDF. */
export function CalendarTools({ event, me }: { event: Event; me: Participant }) {
  const { t } = useT();
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState<'link' | 'pdf' | 'ics' | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const linkId = useId();

  const act = async (what: 'link' | 'pdf' | 'ics', work: () => Promise<void>) => {
    setBusy(what);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(null);
    }
  };

  const absolute = (url: string) => new URL(url, window.location.origin).toString();

  return (
    <section className="events-section card" aria-labelledby="calendar-title">
      <h3 id="calendar-title">{t('events.calendar.title')}</h3>
      {problem !== null && <ProblemMessage error={problem} />}
      <div className="actions">
        <button type="button" className="button button--small" disabled={busy === 'ics'}
          onClick={() => void act('ics', () => download(eventApi.icalUrl(event.id, me.id), 'agenda.ics'))}>
          {t('events.calendar.ical')}
        </button>
        <button type="button" className="button button--small" disabled={busy === 'pdf'}
          onClick={() => void act('pdf', () => download(eventApi.pdfUrl(event.id, me.id), 'agenda.pdf'))}>
          {t('events.calendar.pdf')}
        </button>
        <button type="button" className="button button--small button--quiet" disabled={busy === 'link'}
          onClick={() => void act('link', async () => {
            setLink(absolute((await eventApi.calendarLink(event.id, me.id)).url));
            setCopied(false);
          })}>
          {link ? t('events.calendar.newLink') : t('events.calendar.subscribe')}
        </button>
      </div>
      <p className="muted">{t('events.calendar.help')}</p>
      {link && (
        <div className="field">
          <label htmlFor={linkId}>{t('events.calendar.linkLabel')}</label>
          <p className="field__hint">{t('events.calendar.linkHint')}</p>
          <div className="events-copy">
            <input id={linkId} readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="button button--small" onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true), () => setCopied(false))}>
              {t('events.calendar.copy')}
            </button>
          </div>
          {copied && <p role="status">{t('events.calendar.copied')}</p>}
        </div>
      )}
    </section>
  );
}
