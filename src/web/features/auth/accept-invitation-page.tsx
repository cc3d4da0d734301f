import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ProblemMessage } from '../../components/status';
import { useT } from '../../i18n/i18n';
import { api } from '../../lib/api';
import { useTitle } from '../layout/layout';
import { useSession } from '../session/session';

export function AcceptInvitationPage() {
  const { t } = useT();
  useTitle(t('invitation.title'));
  const { user, loading, refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const here = `/invitations/accept?token=${encodeURIComponent(token)}`;

  const accept = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const { organisationId } = await api.post<{ organisationId: string }>('/invitations/accept', { token });
      await refresh();
      navigate(`/organisations/${organisationId}`);
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <h1>{t('invitation.title')}</h1>
      <p className="lead">{t('invitation.intro')}</p>
      {problem !== null && <ProblemMessage error={problem} />}
      {loading ? null : user ? (
        <button type="button" className="button" disabled={busy || !token} onClick={() => void accept()}>
          {t('invitation.accept')}
        </button>
      ) : (
        <p>
          {t('invitation.signInFirst')}{' '}
          <Link to={`/sign-in?next=${encodeURIComponent(here)}`}>{t('nav.signIn')}</Link>
          {' · '}
          <Link to={`/sign-up?next=${encodeURIComponent(here)}`}>{t('nav.signUp')}</Link>
        </p>
      )}
    </div>
  );
}
