import { useId, useState, type FormEvent } from 'react';
import { FeedbackInput, type AgendaItem } from '../../../contracts/events';
import { CheckboxField, TextAreaField } from '../../components/fields';
import { optionalText } from '../../components/localised-inputs';
import { ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { useFormSubmit } from '../../lib/use-form-submit';
import { eventApi } from './event-api';
import { validateEvent } from './event-validation';

/** After a meeting has started: rating 1–5, "continue", "expect an agreement" and a comment (saved again on change). */
export function FeedbackForm({ eventId, participantId, meetingId, counterpart, initial }: {
  eventId: string;
  participantId: string;
  meetingId: string;
  counterpart: string;
  initial: AgendaItem['feedback'];
}) {
  const { t, locale } = useT();
  const [open, setOpen] = useState(initial === null);
  const [form, setForm] = useState({
    rating: initial?.rating ?? 0,
    continue: initial?.continue ?? false,
    expectAgreement: initial?.expectAgreement ?? false,
    comment: initial?.comment ?? '',
  });
  const [saved, setSaved] = useState(initial !== null);
  const { errors, problem, busy, run } = useFormSubmit();
  const ratingId = useId();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = { participantId, rating: form.rating || undefined, continue: form.continue, expectAgreement: form.expectAgreement, comment: optionalText(form.comment) };
    void run(validateEvent(FeedbackInput, input, locale, t), async (body) => {
      await eventApi.feedback(eventId, meetingId, body);
      setSaved(true);
      setOpen(false);
    });
  };

  if (!open) {
    return (
      <p className="events-feedback__done" role="status">
        {t('events.feedback.thanks', { rating: form.rating })}{' '}
        <button type="button" className="link-button" onClick={() => setOpen(true)}>
          {t('events.feedback.edit')}
        </button>
      </p>
    );
  }
  return (
    <form className="form events-feedback" noValidate onSubmit={onSubmit} aria-label={t('events.feedback.title', { name: counterpart })}>
      <p className="events-feedback__title">{t('events.feedback.title', { name: counterpart })}</p>
      {problem !== null && <ProblemMessage error={problem} />}
      <fieldset className={errors.rating ? 'field-group field--invalid' : 'field-group'} aria-describedby={errors.rating ? `${ratingId}-error` : undefined}>
        <legend>{t('events.feedback.rating')}</legend>
        <div className="events-rating">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="events-check">
              <input type="radio" name={`rating-${meetingId}`} value={n} checked={form.rating === n} onChange={() => setForm({ ...form, rating: n })} />{' '}
              {t(`events.feedback.stars.${n as 1 | 2 | 3 | 4 | 5}`)}
            </label>
          ))}
        </div>
        {errors.rating && <p className="field__error" id={`${ratingId}-error`}>{t('events.feedback.ratingRequired')}</p>}
      </fieldset>
      <CheckboxField label={t('events.feedback.continue')} checked={form.continue} onChange={(e) => setForm({ ...form, continue: e.target.checked })} />
      <CheckboxField label={t('events.feedback.expectAgreement')} checked={form.expectAgreement}
        onChange={(e) => setForm({ ...form, expectAgreement: e.target.checked })} />
      <TextAreaField label={t('events.feedback.comment')} rows={3} value={form.comment} error={errors.comment}
        onChange={(e) => setForm({ ...form, comment: e.target.value })} />
      <div className="form-actions">
        <button type="submit" className="button button--small" disabled={busy}>
          {saved ? t('events.feedback.update') : t('events.feedback.send')}
        </button>
      </div>
    </form>
  );
}
