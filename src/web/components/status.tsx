import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { ApiError } from '../lib/api';

export function Loading() {
  const { t } = useT();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** A failed request: the server's problem title and detail (already translated), or a network hint. */
export function ProblemMessage({ error, action }: { error: unknown; action?: ReactNode }) {
  const { t } = useT();
  let title = t('errors.unexpectedTitle');
  let detail = t('errors.unexpectedDetail');
  if (error instanceof ApiError) {
    if (error.status === 0) {
      title = t('errors.networkTitle');
      detail = t('errors.networkDetail');
    } else if (error.problem.title) {
      title = error.problem.title;
      detail = error.problem.detail ?? '';
    }
  }
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{title}</p>
      {detail && <p>{detail}</p>}
      {action}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty__title">{title}</p>
      {children}
    </div>
  );
}

export function Badge({ children, tone = 'neutral' }: { children: ReactNode; tone?: 'neutral' | 'accent' | 'warn' }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
