import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { LocaleProvider } from './i18n/LocaleProvider';
import { AccountPage } from './pages/AccountPage';
import { AdminDesksPage } from './pages/admin/AdminDesksPage';
import { AdminTaxonomyPage } from './pages/admin/AdminTaxonomyPage';
import { AdminUsersPage } from './pages/admin/AdminUsersPage';
import { AssignmentPlanPage } from './pages/consultations/AssignmentPlanPage';
import { ConsultationPage } from './pages/consultations/ConsultationPage';
import { MyConsultationsPage } from './pages/consultations/MyConsultationsPage';
import { NewConsultationPage } from './pages/consultations/NewConsultationPage';
import { QueuePage } from './pages/consultations/QueuePage';
import { DeskPage } from './pages/DeskPage';
import { EditDirectoryEntryPage, NewDirectoryEntryPage } from './pages/directory/DirectoryEntryFormPage';
import { DirectoryEntryPage } from './pages/directory/DirectoryEntryPage';
import { DirectoryPage } from './pages/directory/DirectoryPage';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { ApplyPage, EditApplicationPage } from './pages/grants/GrantApplicationFormPage';
import { GrantApplicationPage } from './pages/grants/GrantApplicationPage';
import { EditGrantProgrammePage, NewGrantProgrammePage } from './pages/grants/GrantProgrammeFormPage';
import { GrantProgrammePage } from './pages/grants/GrantProgrammePage';
import { GrantProgrammesPage } from './pages/grants/GrantProgrammesPage';
import { HomePage } from './pages/HomePage';
import { IntroductionPage } from './pages/introductions/IntroductionPage';
import { IntroductionResponsePage } from './pages/introductions/IntroductionResponsePage';
import { MyIntroductionsPage } from './pages/introductions/MyIntroductionsPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ReportsPage } from './pages/reports/ReportsPage';
import { SetPasswordPage } from './pages/SetPasswordPage';
import { SignUpPage } from './pages/SignUpPage';
import { VerifyEmailPage } from './pages/VerifyEmailPage';
import { ApiProvider } from './session/ApiProvider';
import { RequireViewer } from './session/guards';
import { ViewerProvider } from './session/ViewerProvider';

const ADMIN = ['ADMIN'] as const;
const DESK_VIEWERS = ['ADVISOR', 'STAFF', 'ADMIN'] as const;
const DESK_STAFF = ['STAFF', 'ADMIN'] as const;
const REQUESTERS = ['REQUESTER'] as const;
const CONSULTATION_VIEWERS = ['REQUESTER', 'ADVISOR', 'STAFF', 'ADMIN'] as const;
/** Those to whom introductions are addressed: advisors, supporter and VC members. */
const INTRODUCTION_TARGETS = ['ADVISOR', 'SUPPORTER_MEMBER', 'VC_MEMBER'] as const;

export function App() {
  return (
    <LocaleProvider>
      <BrowserRouter>
        <ApiProvider>
          <ViewerProvider>
            <Routes>
              <Route element={<Layout />}>
                <Route index element={<HomePage />} />
                <Route path="login" element={<LoginPage />} />
                <Route path="signup" element={<SignUpPage />} />
                <Route path="verify-email" element={<VerifyEmailPage />} />
                <Route path="set-password" element={<SetPasswordPage />} />
                <Route path="forgot-password" element={<ForgotPasswordPage />} />
                {/* The link emailed to an introduction's target: no sign-in needed. */}
                <Route path="introductions/respond" element={<IntroductionResponsePage />} />
                <Route
                  path="introductions"
                  element={
                    <RequireViewer roles={INTRODUCTION_TARGETS}>
                      <MyIntroductionsPage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="introductions/:id"
                  element={
                    <RequireViewer>
                      <IntroductionPage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="account"
                  element={
                    <RequireViewer>
                      <AccountPage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="admin/users"
                  element={
                    <RequireViewer roles={ADMIN}>
                      <AdminUsersPage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="admin/desks"
                  element={
                    <RequireViewer roles={ADMIN}>
                      <AdminDesksPage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="admin/taxonomy"
                  element={
                    <RequireViewer roles={ADMIN}>
                      <AdminTaxonomyPage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="desks/:id"
                  element={
                    <RequireViewer roles={DESK_VIEWERS}>
                      <DeskPage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="desks/:id/assign"
                  element={
                    <RequireViewer roles={DESK_STAFF}>
                      <AssignmentPlanPage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="consultations"
                  element={
                    <RequireViewer roles={REQUESTERS}>
                      <MyConsultationsPage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="consultations/new"
                  element={
                    <RequireViewer roles={REQUESTERS}>
                      <NewConsultationPage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="consultations/:id"
                  element={
                    <RequireViewer roles={CONSULTATION_VIEWERS}>
                      <ConsultationPage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="queue"
                  element={
                    <RequireViewer roles={DESK_VIEWERS}>
                      <QueuePage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="directory"
                  element={
                    <RequireViewer>
                      <DirectoryPage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="directory/new"
                  element={
                    <RequireViewer>
                      <NewDirectoryEntryPage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="directory/:id"
                  element={
                    <RequireViewer>
                      <DirectoryEntryPage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="directory/:id/edit"
                  element={
                    <RequireViewer>
                      <EditDirectoryEntryPage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="grants"
                  element={
                    <RequireViewer>
                      <GrantProgrammesPage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="grants/programmes/new"
                  element={
                    <RequireViewer roles={DESK_STAFF}>
                      <NewGrantProgrammePage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="grants/programmes/:id"
                  element={
                    <RequireViewer>
                      <GrantProgrammePage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="grants/programmes/:id/edit"
                  element={
                    <RequireViewer roles={DESK_STAFF}>
                      <EditGrantProgrammePage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="grants/programmes/:id/apply"
                  element={
                    <RequireViewer roles={REQUESTERS}>
                      <ApplyPage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="grants/applications/:id"
                  element={
                    <RequireViewer>
                      <GrantApplicationPage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="grants/applications/:id/edit"
                  element={
                    <RequireViewer roles={REQUESTERS}>
                      <EditApplicationPage />
                    </RequireViewer>
                  }
                />
                <Route
                  path="reports"
                  element={
                    <RequireViewer roles={DESK_VIEWERS}>
                      <ReportsPage />
                    </RequireViewer>
                  }
                />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </ViewerProvider>
        </ApiProvider>
      </BrowserRouter>
    </LocaleProvider>
  );
}
