import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { SignInInput, type SessionResponse } from '../../../contracts/auth';
import { TextField } from '../../components/fields';
import { ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { api } from '../../lib/api';
import { useFormSubmit } from '../../lib/use-form-submit';
import { validate } from '../../lib/validation';
import { useTitle } from '../layout/layout';
import { useSession } from '../session/session';
import { safeNext } from './require-auth';

export function SignInPage() {
  const { t, locale } = useT();
  useTitle(t('signIn.title'));
  const { acceptSession } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form, setForm] = useState({ email: '', password: '' });
  const { errors, problem, busy, run } = useFormSubmit();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(validate(SignInInput, form, locale, t), async (body) => {
      acceptSession(await api.post<SessionResponse>('/auth/sign-in', body));
      navigate(safeNext(params.get('next')));
    });
  };

  return (
    <div className="narrow">
      <h1>{t('signIn.title')}</h1>
      <form onSubmit={onSubmit} noValidate className="form">
        {problem !== null && <ProblemMessage error={problem} />}
        <TextField label={t('auth.email')} type="email" autoComplete="email" required value={form.email} error={errors.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })} />
        <TextField label={t('auth.password')} type="password" autoComplete="current-password" required value={form.password} error={errors.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })} />
        <button type="submit" className="button" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">{t('signIn.forgot')}</Link>
      </p>
      <p>
        {t('signIn.noAccount')} <Link to={`/sign-up${params.get('next') ? `?next=${encodeURIComponent(params.get('next')!)}` : ''}`}>{t('signIn.signUpLink')}</Link>
      </p>
    </div>
  );
}
