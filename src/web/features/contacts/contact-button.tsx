import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router-dom';
import type { Me } from '../../../contracts/auth';
import { ContactRequestInput } from '../../../contracts/contacts';
import { SelectField } from '../../components/fields';
import { ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { useFormSubmit } from '../../lib/use-form-submit';
import { validate } from '../../lib/validation';
import { useSession } from '../session/session';
import { contactApi, notifyContactsChanged } from './contact-api';
import { formLevelErrors, MESSAGE_MAX, messageLength } from './contact-view';

export interface ContactButtonProps {
  /** Contact the organisation behind this opportunity, about it. */
  opportunityId?: string;
  /** Or contact this organisation directly. */
  toOrganisationId?: string;
  /** The recipient's name in the reader's language, for the dialog's title. */
  toName: string;
}

type Membership = Me['memberships'][number];

/**
 * "Get in touch": opens a dialog in which one of the viewer's organisations writes to another
 * organisation (or to the one behind an opportunity). Visitors are sent to sign in first.
 * Renders nothing for a viewer whose only organisation is the recipient itself.
 */
export function ContactButton({ opportunityId, toOrganisationId, toName }: ContactButtonProps) {
  const { t } = useT();
  const { user } = useSession();
  const location = useLocation();
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (open && element && !element.open) element.showModal();
  }, [open]);

  if (!user) {
    return (
      <Link className="button" to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}>
        {t('contactDialog.signInToContact')}
      </Link>
    );
  }
  const senders = user.memberships.filter((m) => m.organisationId !== toOrganisationId);
  if (user.memberships.length > 0 && senders.length === 0) return null;

  const close = () => dialog.current?.close();

  return (
    <>
      <button ref={trigger} type="button" className="button" aria-haspopup="dialog" aria-label={t('contactDialog.buttonLabel', { name: toName })}
        onClick={() => setOpen(true)}>
        {t('contactDialog.button')}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={titleId}
        onClose={() => {
          setOpen(false);
          trigger.current?.focus();
        }}>
        {open && (
          <div className="dialog__body">
            <h2 id={titleId} className="dialog__title">
              {t('contactDialog.title', { name: toName })}
            </h2>
            {senders.length === 0 ? (
              <NeedOrganisation toName={toName} onClose={close} />
            ) : (
              <ContactForm senders={senders} opportunityId={opportunityId} toOrganisationId={toOrganisationId} toName={toName} onClose={close} />
            )}
          </div>
        )}
      </dialog>
    </>
  );
}

function NeedOrganisation({ toName, onClose }: { toName: string; onClose: () => void }) {
  const { t } = useT();
  return (
    <>
      <p>{t('contactDialog.needOrganisation', { name: toName })}</p>
      <div className="form-actions">
        <Link className="button" to="/organisations/new" onClick={onClose}>
          {t('contactDialog.addOrganisation')}
        </Link>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}

interface ContactFormProps {
  senders: Membership[];
  opportunityId?: string;
  toOrganisationId?: string;
  toName: string;
  onClose: () => void;
}

const SHOWN_FIELDS = ['fromOrganisationId', 'message'] as const;

function ContactForm({ senders, opportunityId, toOrganisationId, toName, onClose }: ContactFormProps) {
  const { t, locale } = useT();
  const [form, setForm] = useState({ fromOrganisationId: senders[0]!.organisationId, message: '' });
  const [sent, setSent] = useState(false);
  const { errors, problem, busy, run } = useFormSubmit();
  const messageId = useId();
  const sentNotice = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (sent) sentNotice.current?.focus();
  }, [sent]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = { ...form, ...(opportunityId ? { opportunityId } : { toOrganisationId }) };
    void run(validate(ContactRequestInput, input, locale, t), async (body) => {
      await contactApi.create(body);
      notifyContactsChanged();
      setSent(true);
    });
  };

  if (sent) {
    return (
      <>
        <div ref={sentNotice} className="notice" role="status" tabIndex={-1}>
          <p className="notice__title">{t('contactDialog.sentTitle')}</p>
          <p>{t('contactDialog.sentDetail', { name: toName })}</p>
        </div>
        <div className="form-actions">
          <Link className="button" to="/inbox?box=sent" onClick={onClose}>
            {t('contactDialog.openSent')}
          </Link>
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('contactDialog.close')}
          </button>
        </div>
      </>
    );
  }

  const pending = problem instanceof ApiError && problem.status === 409;
  const otherErrors = formLevelErrors(errors, senders.length > 1 ? SHOWN_FIELDS : ['message']);
  const length = messageLength(form.message);
  const messageError = errors.message;
  const describedBy = [`${messageId}-hint`, `${messageId}-count`, messageError ? `${messageId}-error` : null].filter(Boolean).join(' ');

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <p className="muted">{t('contactDialog.intro')}</p>
      {pending ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">{t('contactDialog.alreadyPendingTitle')}</p>
          <p>{t('contactDialog.alreadyPending', { name: toName })}</p>
          <p>
            <Link to="/inbox?box=sent&status=pending" onClick={onClose}>
              {t('contactDialog.openSent')}
            </Link>
          </p>
        </div>
      ) : (
        problem !== null && <ProblemMessage error={problem} />
      )}
      {otherErrors.length > 0 && (
        <ul className="notice notice--error field-errors" role="alert">
          {otherErrors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {senders.length > 1 && (
        <SelectField label={t('contactDialog.from')} hint={t('contactDialog.fromHint')} value={form.fromOrganisationId} error={errors.fromOrganisationId}
          onChange={(e) => setForm({ ...form, fromOrganisationId: e.target.value })}
          options={senders.map((m) => ({ value: m.organisationId, label: m.legalName }))} />
      )}
      <div className={messageError ? 'field field--invalid' : 'field'}>
        <label htmlFor={messageId}>{t('contactDialog.message')}</label>
        <p className="field__hint" id={`${messageId}-hint`}>
          {t('contactDialog.messageHint')}
        </p>
        <textarea id={messageId} rows={8} value={form.message} placeholder={t('contactDialog.messagePlaceholder')}
          aria-invalid={messageError ? true : undefined} aria-describedby={describedBy}
          onChange={(e) => setForm({ ...form, message: e.target.value })} />
        <p id={`${messageId}-count`} className={length > MESSAGE_MAX ? 'counter counter--over' : 'counter'}>
          {t('contactDialog.counter', { used: formatNumber(length, locale), max: formatNumber(MESSAGE_MAX, locale) })}
        </p>
        {messageError && (
          <p className="field__error" id={`${messageId}-error`}>
            {messageError}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('contactDialog.send')}
        </button>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
