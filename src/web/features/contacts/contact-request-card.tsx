import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { pickText } from '../../../contracts/common';
import type { ContactDetails, ContactRequest } from '../../../contracts/contacts';
import { Localised } from '../../components/localised';
import { Badge, ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/format';
import { contactApi, notifyContactsChanged } from './contact-api';
import { counterpartOf } from './contact-view';

const STATUS_TONE = { pending: 'warn', accepted: 'accent', declined: 'neutral' } as const;

interface Props {
  request: ContactRequest;
  timeZone: string;
  /** Whether to say which of the reader's organisations the request concerns. */
  showOwnOrganisation: boolean;
  onAnswered: (request: ContactRequest) => void;
}

export function ContactRequestCard({ request, timeZone, showOwnOrganisation, onAnswered }: Props) {
  const { t, locale } = useT();
  const other = counterpartOf(request);
  const own = request.box === 'inbox' ? request.to : request.from;
  const otherName = pickText(other.names, locale) || other.legalName;
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [answer, setAnswer] = useState<'accepted' | 'declined' | null>(null);
  const result = useRef<HTMLDivElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);

  // Moving focus keeps keyboard and screen-reader users where the action took them.
  useEffect(() => {
    if (answer) result.current?.focus();
  }, [answer]);
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
  }, [confirming]);

  const respond = async (decision: 'accepted' | 'declined') => {
    setBusy(true);
    setError(null);
    try {
      const updated = decision === 'accepted' ? await contactApi.accept(request.id) : await contactApi.decline(request.id);
      setConfirming(false);
      setAnswer(decision);
      onAnswered(updated);
      notifyContactsChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const date = formatDateTime(request.createdAt, locale, timeZone);
  const answeredOn = request.respondedAt ? formatDateTime(request.respondedAt, locale, timeZone) : null;
  const ownName = pickText(own.names, locale) || own.legalName;

  return (
    <article className="card contact-card" aria-labelledby={headingId}>
      <div className="contact-card__head">
        <h2 className="card__title" id={headingId}>
          <Link to={`/organisations/${other.slug}`}>
            <Localised text={other.names} fallback={other.legalName} />
          </Link>
        </h2>
        <Badge tone={STATUS_TONE[request.status]}>{t(`inbox.status.${request.status}`)}</Badge>
      </div>
      <p className="card__meta muted">
        {request.box === 'inbox' ? t('inbox.receivedOn', { date }) : t('inbox.sentOn', { date })}
        {showOwnOrganisation && (
          <>
            {' · '}
            {request.box === 'inbox' ? t('inbox.toOwn', { name: ownName }) : t('inbox.fromOwn', { name: ownName })}
          </>
        )}
      </p>
      {request.opportunity && (
        <p className="card__meta">
          <span className="muted">{t('inbox.regarding')}</span>{' '}
          <Link to={`/opportunities/${request.opportunity.id}`}>
            <Localised text={request.opportunity.title} />
          </Link>
        </p>
      )}
      <blockquote className="contact-card__message">{request.message}</blockquote>

      {answer && (
        <div ref={result} className="notice" role="status" tabIndex={-1}>
          <p className="notice__title">{answer === 'accepted' ? t('inbox.acceptedTitle') : t('inbox.declinedTitle')}</p>
          <p>{answer === 'accepted' ? t('inbox.acceptedDetail', { name: otherName }) : t('inbox.declinedDetail', { name: otherName })}</p>
        </div>
      )}
      {error !== null && <ProblemMessage error={error} />}

      {request.status === 'accepted' && request.counterpartContact && (
        <ContactDetailsBox details={request.counterpartContact} name={otherName} />
      )}

      {request.status === 'pending' && request.box === 'inbox' && !confirming && (
        <div className="actions contact-card__actions">
          <button type="button" className="button" disabled={busy} onClick={() => void respond('accepted')}>
            {t('inbox.accept')}
          </button>
          <button type="button" className="button button--quiet" disabled={busy} onClick={() => setConfirming(true)}>
            {t('inbox.decline')}
          </button>
        </div>
      )}
      {request.status === 'pending' && request.box === 'inbox' && confirming && (
        <div className="confirm" role="group" aria-labelledby={`${headingId}-confirm`}>
          <p id={`${headingId}-confirm`}>{t('inbox.declineQuestion', { name: otherName })}</p>
          <div className="actions">
            <button type="button" className="button button--danger" disabled={busy} onClick={() => void respond('declined')}>
              {t('inbox.declineConfirm')}
            </button>
            <button ref={keepButton} type="button" className="button button--quiet" disabled={busy} onClick={() => setConfirming(false)}>
              {t('inbox.declineKeep')}
            </button>
          </div>
        </div>
      )}

      {!answer && request.status === 'pending' && request.box === 'sent' && (
        <p className="muted">{t('inbox.waiting', { name: otherName })}</p>
      )}
      {!answer && request.status === 'accepted' && answeredOn && <p className="muted">{t('inbox.acceptedOn', { date: answeredOn })}</p>}
      {!answer && request.status === 'declined' && (
        <p className="muted">
          {request.box === 'inbox'
            ? t('inbox.youDeclinedOn', { date: answeredOn ?? '' })
            : t('inbox.theyDeclinedOn', { name: otherName, date: answeredOn ?? '' })}
        </p>
      )}
    </article>
  );
}

/** The other side's details, shown once a request is accepted: the point of the whole flow. */
function ContactDetailsBox({ details, name }: { details: ContactDetails; name: string }) {
  const { t } = useT();
  const headingId = useId();
  return (
    <section className="contact-details" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('inbox.detailsTitle', { name })}</h3>
      <dl>
        <div>
          <dt>{t('inbox.person')}</dt>
          <dd>{details.personName}</dd>
        </div>
        <div>
          <dt>{t('inbox.email')}</dt>
          <dd>
            <a href={`mailto:${details.personEmail}`}>{details.personEmail}</a>
          </dd>
        </div>
        {details.organisationEmail && details.organisationEmail !== details.personEmail && (
          <div>
            <dt>{t('inbox.organisationEmail')}</dt>
            <dd>
              <a href={`mailto:${details.organisationEmail}`}>{details.organisationEmail}</a>
            </dd>
          </div>
        )}
        {details.organisationPhone && (
          <div>
            <dt>{t('inbox.phone')}</dt>
            <dd>
              <a href={`tel:${details.organisationPhone.replace(/[^\d+]/g, '')}`}>{details.organisationPhone}</a>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
