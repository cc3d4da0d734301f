import { createBrowserRouter, Link, RouterProvider } from 'react-router-dom';
import { AccountPage } from './features/account/account-page';
import { AcceptInvitationPage } from './features/auth/accept-invitation-page';
import { ForgotPasswordPage, ResetPasswordPage } from './features/auth/password-reset-pages';
import { RequireAuth } from './features/auth/require-auth';
import { SignInPage } from './features/auth/sign-in-page';
import { SignUpPage } from './features/auth/sign-up-page';
import { InboxPage } from './features/contacts/inbox-page';
import { SavedPage } from './features/matching/saved-page';
import { NotificationsPage } from './features/notifications/notifications-page';
import { EventConsolePage } from './features/event-console/event-console-page';
import { EventListPage } from './features/events/event-list-page';
import { EventPage } from './features/events/event-page';
import { ParticipantAreaPage } from './features/events/participant-area-page';
import { HomePage } from './features/home/home-page';
import { Layout, useTitle } from './features/layout/layout';
import { EditOpportunityPage, NewOpportunityPage } from './features/opportunities/opportunity-form-page';
import { OpportunityListPage } from './features/opportunities/opportunity-list-page';
import { OpportunityPage } from './features/opportunities/opportunity-page';
import { DirectoryPage } from './features/organisations/directory-page';
import { MyOrganisationsPage } from './features/organisations/my-organisations-page';
import { EditOrganisationPage, NewOrganisationPage } from './features/organisations/organisation-form-page';
import { OrganisationPage } from './features/organisations/organisation-page';
import { SessionProvider } from './features/session/session';
import { useT } from './i18n/i18n';

function NotFoundPage() {
  const { t } = useT();
  useTitle(t('notFound.title'));
  return (
    <div className="narrow">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.detail')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </div>
  );
}

const signedIn = (page: React.ReactNode) => <RequireAuth>{page}</RequireAuth>;

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/organisations', element: <DirectoryPage /> },
      { path: '/organisations/new', element: signedIn(<NewOrganisationPage />) },
      { path: '/organisations/:slug', element: <OrganisationPage /> },
      { path: '/organisations/:slug/edit', element: signedIn(<EditOrganisationPage />) },
      { path: '/opportunities', element: <OpportunityListPage /> },
      { path: '/opportunities/new', element: signedIn(<NewOpportunityPage />) },
      { path: '/opportunities/:id', element: <OpportunityPage /> },
      { path: '/opportunities/:id/edit', element: signedIn(<EditOpportunityPage />) },
      { path: '/my/organisations', element: signedIn(<MyOrganisationsPage />) },
      { path: '/account', element: signedIn(<AccountPage />) },
      { path: '/inbox', element: signedIn(<InboxPage />) },
      { path: '/saved', element: signedIn(<SavedPage />) },
      { path: '/notifications', element: signedIn(<NotificationsPage />) },
      { path: '/events/:id/console', element: signedIn(<EventConsolePage />) },
      { path: '/events', element: <EventListPage /> },
      { path: '/events/:id', element: <EventPage /> },
      { path: '/events/:id/me', element: signedIn(<ParticipantAreaPage />) },
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/sign-up', element: <SignUpPage /> },
      { path: '/setup', element: <SignUpPage setup /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/invitations/accept', element: <AcceptInvitationPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
