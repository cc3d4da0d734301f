import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Notification } from '../../../contracts/notifications';
import { Badge, EmptyState, Loading, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { browserTimeZone, formatDateTime } from '../../lib/format';
import { useFetch } from '../../lib/use-fetch';
import { useTitle } from '../layout/layout';
import { useSession } from '../session/session';
import { notificationApi, notifyNotificationsChanged } from './notification-api';

/**
 * In-app notifications (meeting requests, schedules, moves, reminders). The server renders each
 * in the reader's language when read, so the list is fetched again when the language changes.
 */
export function NotificationsPage() {
  const { t, locale } = useT();
  useTitle(t('notifications.title'));
  const { user } = useSession();
  const timeZone = user?.timeZone ?? browserTimeZone();
  const first = useFetch(() => notificationApi.list(), locale);
  const [more, setMore] = useState<{ items: Notification[]; cursor: string | null } | null>(null);
  const [readIds, setReadIds] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);

  if (first.status === 'loading') return <Loading />;
  if (first.status === 'error')
    return (
      <ProblemMessage error={first.error} action={
        <button type="button" className="button button--small" onClick={first.reload}>{t('notifications.retry')}</button>
      } />
    );

  const items = [...first.data.items, ...(more?.items ?? [])];
  const cursor = more ? more.cursor : first.data.nextCursor;
  const isUnread = (n: Notification) => !n.readAt && !readIds.has(n.id);
  const unread = items.filter(isUnread);

  const markRead = async (ids?: string[]) => {
    setBusy(true);
    try {
      await notificationApi.markRead(ids);
      setReadIds((prev) => new Set([...prev, ...(ids ?? items.map((n) => n.id))]));
      notifyNotificationsChanged();
    } finally {
      setBusy(false);
    }
  };
  const loadMore = async () => {
    if (!cursor) return;
    const page = await notificationApi.list(cursor);
    setMore((prev) => ({ items: [...(prev?.items ?? []), ...page.items], cursor: page.nextCursor }));
  };

  return (
    <div className="narrow narrow--wide">
      <h1>{t('notifications.title')}</h1>
      {items.length === 0 ? (
        <EmptyState title={t('notifications.emptyTitle')}>
          <p>{t('notifications.empty')}</p>
        </EmptyState>
      ) : (
        <>
          <p className="lead">
            {t('notifications.unread', { count: unread.length })}{' '}
            {unread.length > 0 && (
              <button type="button" className="button button--small button--quiet" disabled={busy} onClick={() => void markRead()}>
                {t('notifications.markAllRead')}
              </button>
            )}
          </p>
          <ul className="plain-list card-list">
            {items.map((n) => (
              <li key={n.id}>
                <article className="card">
                  <h2 className="card__title">
                    {isUnread(n) && (
                      <>
                        <Badge tone="accent">{t('notifications.new')}</Badge>{' '}
                      </>
                    )}
                    {n.link ? (
                      <Link to={n.link} onClick={() => isUnread(n) && void markRead([n.id])}>
                        {n.title}
                      </Link>
                    ) : (
                      n.title
                    )}
                  </h2>
                  <p className="prose">{n.body}</p>
                  <p className="card__meta muted">
                    <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, locale, timeZone)}</time>
                    {isUnread(n) && (
                      <>
                        {' · '}
                        <button type="button" className="link-button" disabled={busy} onClick={() => void markRead([n.id])}>
                          {t('notifications.markRead')}
                        </button>
                      </>
                    )}
                  </p>
                </article>
              </li>
            ))}
          </ul>
          {cursor && (
            <p>
              <button type="button" className="button button--quiet" onClick={() => void loadMore()}>{t('notifications.more')}</button>
            </p>
          )}
        </>
      )}
    </div>
  );
}
