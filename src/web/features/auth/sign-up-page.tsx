import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { SetupInput, SignUpInput, type SessionResponse } from '../../../contracts/auth';
import type { Locale } from '../../../contracts/common';
import { TextField } from '../../components/fields';
import { ProblemMessage } from '../../components/status';
import { changeLocale, useT } from '../../i18n/i18n';
import { api } from '../../lib/api';
import { browserTimeZone } from '../../lib/format';
import { useFormSubmit } from '../../lib/use-form-submit';
import { validate } from '../../lib/validation';
import { useTitle } from '../layout/layout';
import { useSession } from '../session/session';
import { LocaleAndZoneFields } from './account-fields';
import { safeNext } from './require-auth';

/**
 * Sign-up, and the same form for the first administrator (`/setup?token=…`), which differs only
 * in the endpoint and the token.
 */
export function SignUpPage({ setup = false }: { setup?: boolean }) {
  const { t, locale } = useT();
  useTitle(setup ? t('setup.title') : t('signUp.title'));
  const { acceptSession } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [form, setForm] = useState({ displayName: '', email: '', password: '', locale: locale as Locale, timeZone: browserTimeZone() });
  const { errors, problem, busy, run } = useFormSubmit();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const validated = setup ? validate(SetupInput, { ...form, token }, locale, t) : validate(SignUpInput, form, locale, t);
    void run(validated, async (body) => {
      acceptSession(await api.post<SessionResponse>(setup ? '/auth/setup' : '/auth/sign-up', body));
      if (form.locale !== locale) await changeLocale(form.locale);
      navigate(setup ? '/' : safeNext(params.get('next') ?? '/my/organisations'));
    });
  };

  return (
    <div className="narrow">
      <h1>{setup ? t('setup.title') : t('signUp.title')}</h1>
      <p className="lead">{setup ? t('setup.intro') : t('signUp.intro')}</p>
      {setup && !token && <p className="notice notice--error">{t('setup.missingToken')}</p>}
      <form onSubmit={onSubmit} noValidate className="form">
        {problem !== null && <ProblemMessage error={problem} />}
        {errors.token && <p className="notice notice--error">{errors.token}</p>}
        <TextField label={t('auth.displayName')} autoComplete="name" required value={form.displayName} error={errors.displayName}
          onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
        <TextField label={t('auth.email')} type="email" autoComplete="email" required value={form.email} error={errors.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })} />
        <TextField label={t('auth.password')} hint={t('auth.passwordHint')} type="password" autoComplete="new-password" required minLength={10}
          value={form.password} error={errors.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
        <LocaleAndZoneFields locale={form.locale} timeZone={form.timeZone} errors={errors}
          onChange={(next) => setForm({ ...form, ...next })} />
        <button type="submit" className="button" disabled={busy}>
          {setup ? t('setup.submit') : t('signUp.submit')}
        </button>
      </form>
      {!setup && (
        <p>
          {t('signUp.haveAccount')} <Link to="/sign-in">{t('signUp.signInLink')}</Link>
        </p>
      )}
    </div>
  );
}
