import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { MeetingRequestInput } from '../../../contracts/events';
import { CheckboxField, SelectField, TextAreaField } from '../../components/fields';
import { optionalText } from '../../components/localised-inputs';
import { ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { useFormSubmit } from '../../lib/use-form-submit';
import { eventApi } from './event-api';
import { validateEvent } from './event-validation';

/** "Request a meeting": priority 1–3, "must meet" and a message, in a modal dialog. */
export function RequestDialog({ eventId, fromParticipantId, toParticipantId, toName, onSent }: {
  eventId: string;
  fromParticipantId: string;
  toParticipantId: string;
  toName: string;
  onSent: () => void;
}) {
  const { t, locale } = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ priority: '2', mustMeet: false, message: '' });
  const { errors, problem, busy, run } = useFormSubmit();
  const titleId = useId();

  useEffect(() => {
    if (open && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [open]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = { fromParticipantId, toParticipantId, priority: Number(form.priority), mustMeet: form.mustMeet, message: optionalText(form.message) };
    void run(validateEvent(MeetingRequestInput, input, locale, t), async (body) => {
      await eventApi.sendRequest(eventId, body);
      dialog.current?.close();
      onSent();
    });
  };

  return (
    <>
      <button ref={trigger} type="button" className="button button--small" aria-haspopup="dialog"
        aria-label={t('events.request.buttonLabel', { name: toName })} onClick={() => setOpen(true)}>
        {t('events.request.button')}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={titleId} onClose={() => {
        setOpen(false);
        trigger.current?.focus();
      }}>
        {open && (
          <form className="form dialog__body" noValidate onSubmit={onSubmit}>
            <h2 id={titleId} className="dialog__title">
              {t('events.request.title', { name: toName })}
            </h2>
            <p className="muted">{t('events.request.intro')}</p>
            {problem !== null && <ProblemMessage error={problem} />}
            <SelectField label={t('events.request.priority')} hint={t('events.request.priorityHint')} value={form.priority} error={errors.priority}
              options={['1', '2', '3'].map((p) => ({ value: p, label: t(`events.priority.${p as '1' | '2' | '3'}`) }))}
              onChange={(e) => setForm({ ...form, priority: e.target.value })} />
            <CheckboxField label={t('events.request.mustMeet')} hint={t('events.request.mustMeetHint')} checked={form.mustMeet}
              onChange={(e) => setForm({ ...form, mustMeet: e.target.checked })} />
            <TextAreaField label={t('events.request.message')} hint={t('events.request.messageHint')} value={form.message} error={errors.message}
              onChange={(e) => setForm({ ...form, message: e.target.value })} />
            <div className="form-actions">
              <button type="submit" className="button" disabled={busy}>
                {t('events.request.send')}
              </button>
              <button type="button" className="button button--quiet" onClick={() => dialog.current?.close()}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}
