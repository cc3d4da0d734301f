import { useState, type FormEvent } from 'react';
import { MePatch, type SessionResponse } from '../../../contracts/auth';
import type { Locale } from '../../../contracts/common';
import { TextField } from '../../components/fields';
import { ProblemMessage } from '../../components/status';
import { changeLocale, useT } from '../../i18n/i18n';
import { api } from '../../lib/api';
import { useFormSubmit } from '../../lib/use-form-submit';
import { validate } from '../../lib/validation';
import { LocaleAndZoneFields } from '../auth/account-fields';
import { useTitle } from '../layout/layout';
import { useSession } from '../session/session';

export function AccountPage() {
  const { t, locale } = useT();
  useTitle(t('account.title'));
  const { user, acceptSession } = useSession();
  const [form, setForm] = useState({
    displayName: user?.displayName ?? '',
    locale: (user?.locale ?? locale) as Locale,
    timeZone: user?.timeZone ?? 'Europe/Rome',
  });
  const [saved, setSaved] = useState(false);
  const { errors, problem, busy, run } = useFormSubmit();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void run(validate(MePatch, form, locale, t), async (body) => {
      acceptSession(await api.patch<SessionResponse>('/me', body));
      if (form.locale !== locale) await changeLocale(form.locale);
      setSaved(true);
    });
  };

  return (
    <div className="narrow">
      <h1>{t('account.title')}</h1>
      <p className="muted">{t('account.signedInAs', { email: user?.email ?? '' })}</p>
      <form onSubmit={onSubmit} noValidate className="form">
        {problem !== null && <ProblemMessage error={problem} />}
        {saved && (
          <p className="notice" role="status">
            {t('account.saved')}
          </p>
        )}
        <TextField label={t('auth.displayName')} autoComplete="name" value={form.displayName} error={errors.displayName}
          onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
        <LocaleAndZoneFields locale={form.locale} timeZone={form.timeZone} errors={errors} onChange={(next) => setForm({ ...form, ...next })} />
        <button type="submit" className="button" disabled={busy}>
          {t('common.save')}
        </button>
      </form>
    </div>
  );
}
