import { useEffect, useId, useRef, useState } from 'react';
import type { ScheduleRun, ScheduleSummary } from '../../../contracts/events';
import { SelectField } from '../../components/fields';
import { ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { formatNumber } from '../../lib/format';
import { consoleApi } from './console-api';
import { useConsole } from './console-context';
import { moment } from './console-format';

const LIMITS = [2, 5, 10, 30, 60];

/** "Run scheduler": a time limit, progress while the server solves, then before/after. */
export function SchedulerPanel({ onScheduled }: { onScheduled: () => void }) {
  const { t, locale } = useT();
  const view = useConsole();
  const headingId = useId();
  const [limit, setLimit] = useState(5);
  const [started, setStarted] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [run, setRun] = useState<ScheduleRun | null>(null);
  const [error, setError] = useState<unknown>(null);
  const result = useRef<HTMLDivElement>(null);

  // The request takes up to the limit and the server reports nothing meanwhile: show the clock.
  useEffect(() => {
    if (started === null) return;
    const timer = setInterval(() => setElapsed((Date.now() - started) / 1000), 250);
    return () => clearInterval(timer);
  }, [started]);

  useEffect(() => {
    if (run || error) result.current?.focus();
  }, [run, error]);

  const start = async () => {
    setRun(null);
    setError(null);
    setElapsed(0);
    setStarted(Date.now());
    try {
      setRun(await consoleApi.schedule(view.data.event.id, { timeLimitSeconds: limit }));
      onScheduled();
    } catch (e) {
      setError(e);
    } finally {
      setStarted(null);
    }
  };

  const running = started !== null;
  const seconds = (s: number) => formatNumber(s, locale, { maximumFractionDigits: 1 });
  return (
    <section className="console-scheduler card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('console.scheduler.title')}</h2>
      <p className="muted">{t('console.scheduler.intro')}</p>
      <div className="actions">
        <SelectField label={t('console.scheduler.timeLimit')} value={String(limit)} disabled={running}
          onChange={(e) => setLimit(Number(e.target.value))}
          options={LIMITS.map((s) => ({ value: String(s), label: t('console.scheduler.seconds', { count: s, value: seconds(s) }) }))} />
        <button type="button" className="button" disabled={running} onClick={() => void start()}>
          {running ? t('console.scheduler.running') : t('console.scheduler.run')}
        </button>
      </div>
      {running && (
        <div className="console-progress" role="status">
          <progress max={limit} value={Math.min(elapsed, limit)} aria-label={t('console.scheduler.progressLabel')} />
          <span>{t('console.scheduler.progress', { elapsed: seconds(Math.min(elapsed, limit)), limit: seconds(limit) })}</span>
        </div>
      )}
      <div ref={result} tabIndex={-1}>
        {error !== null && <ProblemMessage error={error} />}
        {run && <RunSummary run={run} />}
      </div>
    </section>
  );
}

function RunSummary({ run }: { run: ScheduleRun }) {
  const { t, locale } = useT();
  const view = useConsole();
  const n = (v: number) => formatNumber(v, locale, { maximumFractionDigits: 1 });
  const rows: Array<{ key: keyof ScheduleSummary; label: string }> = [
    { key: 'meetings', label: t('console.summary.meetings') },
    { key: 'totalWeight', label: t('console.summary.totalWeight') },
    { key: 'breaks', label: t('console.summary.breaks') },
    { key: 'interpretedMeetings', label: t('console.summary.interpreted') },
  ];
  return (
    <div className="console-summary" role="region" aria-label={t('console.summary.title')}>
      <p className={run.status === 'scheduled' ? 'notice' : 'notice notice--error'}>
        <strong>{t(`console.summary.status.${run.status}`)}</strong>{' '}
        {t('console.summary.took', { seconds: n(run.seconds) })}
      </p>
      <table className="console-summary__table">
        <thead>
          <tr>
            <th scope="col">{t('console.summary.measure')}</th>
            <th scope="col">{t('console.summary.before')}</th>
            <th scope="col">{t('console.summary.after')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>{n(run.before[r.key])}</td>
              <td>{run.after ? n(run.after[r.key]) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t('console.summary.requestedWeight', { weight: n(run.requestedWeight) })} · {t('console.summary.moved', { count: run.moved, value: n(run.moved) })}
      </p>
      {run.unscheduled.length > 0 && (
        <>
          <h3>{t('console.summary.unscheduled', { count: run.unscheduled.length })}</h3>
          <ul>
            {run.unscheduled.map((u) => (
              <li key={u.requestId}>
                {t('console.summary.unscheduledItem', { pair: view.pairOf(u), reason: t(`console.summary.reason.${u.reason}`) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {run.conflicts.length > 0 && (
        <>
          <h3>{t('console.summary.conflicts')}</h3>
          <ul>
            {/* Written by the server in the reader's language, with organisation names and slot times. */}
            {run.conflicts.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** "Publish schedule": asks first, since every approved participant is notified. */
export function PublishPanel({ publishedAt, onPublished }: { publishedAt: string | null | undefined; onPublished: (at: string | null) => void }) {
  const { t, locale } = useT();
  const view = useConsole();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const questionId = useId();

  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      const event = await consoleApi.publish(view.data.event.id);
      setConfirming(false);
      onPublished(event.schedulePublishedAt ?? new Date().toISOString());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const when = publishedAt ? moment(publishedAt, locale, view.timeZone) : null;
  return (
    <div className="console-publish">
      {when ? (
        <p className="console-publish__state" role="status">
          <span className="badge badge--accent">{t('console.publish.published')}</span> {t('console.publish.publishedOn', { date: when })}
        </p>
      ) : (
        <p className="console-publish__state">
          <span className="badge badge--warn">{t('console.publish.draft')}</span> {t('console.publish.draftHint')}
        </p>
      )}
      {!when && !confirming && (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          {t('console.publish.action')}
        </button>
      )}
      {confirming && (
        <div className="confirm" role="group" aria-labelledby={questionId}>
          <p id={questionId}>{t('console.publish.question')}</p>
          <div className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => void publish()}>
              {t('console.publish.confirm')}
            </button>
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => setConfirming(false)}>
              {t('console.publish.keep')}
            </button>
          </div>
        </div>
      )}
      {error !== null && <ProblemMessage error={error} />}
    </div>
  );
}
