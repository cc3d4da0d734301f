import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PasswordResetConfirm, PasswordResetRequest } from '../../../contracts/auth';
import { TextField } from '../../components/fields';
import { ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { api } from '../../lib/api';
import { useFormSubmit } from '../../lib/use-form-submit';
import { validate } from '../../lib/validation';
import { useTitle } from '../layout/layout';

export function ForgotPasswordPage() {
  const { t, locale } = useT();
  useTitle(t('forgot.title'));
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { errors, problem, busy, run } = useFormSubmit();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(validate(PasswordResetRequest, { email }, locale, t), async (body) => {
      await api.post('/auth/password-reset/request', body);
      setSent(true);
    });
  };

  return (
    <div className="narrow">
      <h1>{t('forgot.title')}</h1>
      {sent ? (
        <p className="notice" role="status">
          {t('forgot.sent', { email })}
        </p>
      ) : (
        <>
          <p className="lead">{t('forgot.intro')}</p>
          <form onSubmit={onSubmit} noValidate className="form">
            {problem !== null && <ProblemMessage error={problem} />}
            <TextField label={t('auth.email')} type="email" autoComplete="email" required value={email} error={errors.email}
              onChange={(e) => setEmail(e.target.value)} />
            <button type="submit" className="button" disabled={busy}>
              {t('forgot.submit')}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/sign-in">{t('forgot.back')}</Link>
      </p>
    </div>
  );
}

export function ResetPasswordPage() {
  const { t, locale } = useT();
  useTitle(t('reset.title'));
  const [params] = useSearchParams();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const { errors, problem, busy, run } = useFormSubmit();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(validate(PasswordResetConfirm, { token: params.get('token') ?? '', password }, locale, t), async (body) => {
      await api.post('/auth/password-reset/confirm', body);
      setDone(true);
    });
  };

  return (
    <div className="narrow">
      <h1>{t('reset.title')}</h1>
      {done ? (
        <p className="notice" role="status">
          {t('reset.done')} <Link to="/sign-in">{t('nav.signIn')}</Link>
        </p>
      ) : (
        <form onSubmit={onSubmit} noValidate className="form">
          {problem !== null && <ProblemMessage error={problem} />}
          {errors.token && (
            <p className="notice notice--error">
              {t('reset.badLink')} <Link to="/forgot-password">{t('reset.askAgain')}</Link>
            </p>
          )}
          <TextField label={t('reset.newPassword')} hint={t('auth.passwordHint')} type="password" autoComplete="new-password" required
            value={password} error={errors.password} onChange={(e) => setPassword(e.target.value)} />
          <button type="submit" className="button" disabled={busy}>
            {t('reset.submit')}
          </button>
        </form>
      )}
    </div>
  );
}
