import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/i18n';
import { usePendingInbox } from '../contacts/use-pending-inbox';
import { useUnreadNotifications } from '../notifications/use-unread-notifications';
import { useSession } from '../session/session';
import { LanguageSwitcher } from './language-switcher';

export function Layout() {
  const { t } = useT();
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const pendingInbox = usePendingInbox(user?.id ?? null, location.key);
  const unreadNotifications = useUnreadNotifications(user?.id ?? null, location.key);

  // After client-side navigation, move focus to the content so screen readers announce the new page.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('header.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand" aria-label={t('header.home')}>
            <span className="brand__mark" aria-hidden="true">
              桥
            </span>
            <span className="brand__name">Ponte</span>
          </Link>
          <nav aria-label={t('header.mainNav')} className="main-nav">
            <NavLink to="/organisations">{t('nav.directory')}</NavLink>
            <NavLink to="/opportunities">{t('nav.opportunities')}</NavLink>
            <NavLink to="/events">{t('events.nav')}</NavLink>
            {user && <NavLink to="/my/organisations">{t('nav.myOrganisations')}</NavLink>}
            {user && <NavLink to="/saved">{t('saved.nav')}</NavLink>}
            {user && (
              <NavLink to="/inbox" className="nav-with-count">
                {t('nav.inbox')}
                {pendingInbox > 0 && (
                  <>
                    {' '}
                    <span className="count-badge" aria-hidden="true">
                      {pendingInbox}
                    </span>
                    <span className="visually-hidden">{t('nav.inboxPending', { count: pendingInbox })}</span>
                  </>
                )}
              </NavLink>
            )}
          </nav>
          <div className="site-header__tools">
            <LanguageSwitcher />
            {user ? (
              <div className="account-links">
                <NavLink to="/notifications" className="nav-with-count">
                  {t('notifications.nav')}
                  {unreadNotifications > 0 && (
                    <>
                      {' '}
                      <span className="count-badge" aria-hidden="true">
                        {unreadNotifications}
                      </span>
                      <span className="visually-hidden">{t('notifications.navUnread', { count: unreadNotifications })}</span>
                    </>
                  )}
                </NavLink>
                <NavLink to="/account">{t('nav.account')}</NavLink>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void signOut().then(() => navigate('/'))}
                >
                  {t('nav.signOut')}
                </button>
              </div>
            ) : (
              <div className="account-links">
                <NavLink to="/sign-in">{t('nav.signIn')}</NavLink>
                <Link to="/sign-up" className="button button--small">
                  {t('nav.signUp')}
                </Link>
              </div>
            )}
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('footer.tagline')}</p>
        <p>
          <a href="/api/docs">{t('footer.api')}</a>
        </p>
      </footer>
    </>
  );
}

/** Sets the document title, "Page — Ponte". */
export function useTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} — Ponte` : 'Ponte';
  }, [title]);
}
