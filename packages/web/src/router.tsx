// Code-based route table. Search params are plain strings (not JSON) so "1.10" stays a version, not a number.

import { Center, Stack, Text } from '@mantine/core';
import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Navigate,
  Outlet,
  type SearchSchemaInput,
  useNavigate,
  useParams,
  useRouterState,
} from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { AuthGate } from './features/auth/AuthGate.tsx';
import { type BacklogSearch, backlogSearch } from './features/backlog/search.ts';
import { type FeedbackSearch, feedbackSearch } from './features/feedback/search.ts';
import type { GoldenFilters, MetricsFilters } from './features/gate/api.ts';
import { type HandoverSearch, isPackKind } from './features/handover/search.ts';
import { type PackageSearch, packageSearch } from './features/handover-package/search.ts';
import type { ProductFilters } from './features/products/api.ts';
import { BoardPage } from './features/products/BoardPage.tsx';
import { AppLayout } from './features/shell/AppLayout.tsx';
import type { SignoffSearch } from './features/signoff/SignoffPage.tsx';
import type { GuestRunnerSearch } from './features/uat/GuestRunnerPage.tsx';
import type { UatSessionSearch } from './features/uat/UatSessionPage.tsx';
import { ButtonLink } from './ui/Links.tsx';
import { ErrorState, LoadingState } from './ui/States.tsx';

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

// A guest tester's link (/guest/uat/<token>) opens without a session and without the signed-in shell: the token in
// the address is their access (features/uat/GuestRunnerPage.tsx).
const isGuestPath = (path: string) => path.startsWith('/guest/');

function RootLayout() {
  const guest = useRouterState({ select: (s) => isGuestPath(s.location.pathname) });
  if (guest) return <Outlet />;
  return (
    <AuthGate>
      <AppLayout>
        <Outlet />
      </AppLayout>
    </AuthGate>
  );
}

const rootRoute = createRootRoute({ component: RootLayout });

// A page's filters in its address are the API's query fields of the same names (the contract's types).
export type BoardSearch = Pick<ProductFilters, 'type' | 'owner' | 'q'>;
const boardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: (s: Record<string, unknown> & SearchSchemaInput): BoardSearch => ({
    type: str(s.type),
    owner: str(s.owner),
    q: str(s.q),
  }),
  component: BoardPage,
});

// Only the board ships in the first bundle; every other page loads on first visit (markdown, diff, charts…).
const productRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/products/$code',
  component: lazyRouteComponent(() => import('./features/products/ProductPage.tsx'), 'ProductPage'),
});

// The product's backlog: requirements, stories (filters in the address, the API's query fields) and sprints.
const backlogRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/products/$code/backlog',
  validateSearch: (s: Record<string, unknown> & SearchSchemaInput): BacklogSearch => backlogSearch(s),
  component: lazyRouteComponent(() => import('./features/backlog/BacklogPage.tsx'), 'BacklogPage'),
});

// The product's feedback inbox (issue #13): status and source filters in the address.
const feedbackRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/products/$code/feedback',
  validateSearch: (s: Record<string, unknown> & SearchSchemaInput): FeedbackSearch => feedbackSearch(s),
  component: lazyRouteComponent(() => import('./features/feedback/FeedbackPage.tsx'), 'FeedbackPage'),
});

// UAT (issue #13): a product's sessions, one session (`?case=` opens the runner on a case), and a guest's runner.
const uatRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/products/$code/uat',
  component: lazyRouteComponent(() => import('./features/uat/UatSessionsPage.tsx'), 'UatSessionsPage'),
});
const uatSessionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/products/$code/uat/$key',
  validateSearch: (s: Record<string, unknown> & SearchSchemaInput): UatSessionSearch => ({
    case: str(s.case),
    tab: s.tab === 'defects' || s.tab === 'guests' ? s.tab : undefined,
  }),
  component: lazyRouteComponent(() => import('./features/uat/UatSessionPage.tsx'), 'UatSessionPage'),
});
const signoffRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/products/$code/signoff',
  validateSearch: (s: Record<string, unknown> & SearchSchemaInput): SignoffSearch => ({ session: str(s.session) }),
  component: lazyRouteComponent(() => import('./features/signoff/SignoffPage.tsx'), 'SignoffPage'),
});
const handoverRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/products/$code/handover',
  validateSearch: (s: Record<string, unknown> & SearchSchemaInput): HandoverSearch => ({
    kind: isPackKind(s.kind) ? s.kind : undefined,
  }),
  component: lazyRouteComponent(() => import('./features/handover/HandoverPacksPage.tsx'), 'HandoverPacksPage'),
});
// The handover package (issue #14): checklist, artifacts, review and gap log (`?tab=`, `?artifact=`); and across
// products, the weekly readiness checkpoint.
const handoverPackageRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/products/$code/handover/package',
  validateSearch: (s: Record<string, unknown> & SearchSchemaInput): PackageSearch => packageSearch(s),
  component: lazyRouteComponent(() => import('./features/handover-package/PackagePage.tsx'), 'PackagePage'),
});
const handoverCheckpointRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/handover/checkpoint',
  component: lazyRouteComponent(() => import('./features/handover-package/CheckpointPage.tsx'), 'CheckpointPage'),
});
// The readiness checklist templates (read by all, new versions by administrators and ProductOps) and the handover
// statistics (first-handover acceptance, post-handover gaps).
const handoverTemplatesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/handover/templates',
  component: lazyRouteComponent(() => import('./features/handover-templates/TemplatesPage.tsx'), 'TemplatesPage'),
});
const handoverStatsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/handover/stats',
  component: lazyRouteComponent(() => import('./features/handover-stats/StatsPage.tsx'), 'StatsPage'),
});
// A product's adoption tracking (issue #15): its tracking plan with versions, the PRD check and how to send events.
const adoptionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/products/$code/adoption',
  component: lazyRouteComponent(() => import('./features/adoption/AdoptionPage.tsx'), 'AdoptionPage'),
});
// The studio's reports (issue #15): the weekly intake-quality report of an ISO week (default: the last complete one).
const weeklyIntakeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports/weekly-intake',
  validateSearch: (s: Record<string, unknown> & SearchSchemaInput): { week?: string } => {
    const week = str(s.week);
    return week && /^\d{4}-W\d{2}$/.test(week) ? { week } : {};
  },
  component: lazyRouteComponent(() => import('./features/reports/WeeklyIntakePage.tsx'), 'WeeklyIntakePage'),
});
const guestUatRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/guest/uat/$token',
  validateSearch: (s: Record<string, unknown> & SearchSchemaInput): GuestRunnerSearch => ({ case: str(s.case) }),
  component: lazyRouteComponent(() => import('./features/uat/GuestRunnerPage.tsx'), 'GuestRunnerPage'),
});

const documentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/documents/$id',
  validateSearch: (s: Record<string, unknown> & SearchSchemaInput): { version?: string } => ({
    version: str(s.version),
  }),
  component: lazyRouteComponent(() => import('./features/documents/DocumentPage.tsx'), 'DocumentPage'),
});

const editorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/documents/$id/edit',
  // ?line=N opens the editor at a gate finding's line (&from=1.2: the version that line belongs to). The router
  // also re-validates already-validated search (a number), so both shapes must pass.
  validateSearch: (s: Record<string, unknown> & SearchSchemaInput): { line?: number; from?: string } => {
    const line = typeof s.line === 'number' ? s.line : Number(str(s.line));
    const from = str(s.from);
    return {
      line: Number.isInteger(line) && line > 0 ? line : undefined,
      from: from && /^\d+\.\d+$/.test(from) ? from : undefined,
    };
  },
  component: lazyRouteComponent(() => import('./features/documents/EditorPage.tsx'), 'EditorPage'),
});

const diffRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/documents/$id/diff',
  validateSearch: (s: Record<string, unknown> & SearchSchemaInput): { from?: string; to?: string } => ({
    from: str(s.from),
    to: str(s.to),
  }),
  component: lazyRouteComponent(() => import('./features/documents/DiffPage.tsx'), 'DiffPage'),
});

const searchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/search',
  validateSearch: (s: Record<string, unknown> & SearchSchemaInput): { q?: string } => ({ q: str(s.q) }),
  component: lazyRouteComponent(() => import('./features/search/SearchPage.tsx'), 'SearchPage'),
});

// The quality gate: queue, review, metrics, rubrics and golden library (lazy: charts and the engine are large).
const gateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/gate',
  component: lazyRouteComponent(() => import('./features/gate/queue/QueuePage.tsx'), 'QueuePage'),
});
const gateReviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/gate/reviews/$id',
  component: lazyRouteComponent(() => import('./features/gate/review/ReviewPage.tsx'), 'ReviewPage'),
});
export type GateMetricsSearch = Pick<MetricsFilters, 'from' | 'to' | 'productType'>;
const gateMetricsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/gate/metrics',
  validateSearch: (s: Record<string, unknown> & SearchSchemaInput): GateMetricsSearch => ({
    from: str(s.from),
    to: str(s.to),
    productType: str(s.productType),
  }),
  component: lazyRouteComponent(() => import('./features/gate/metrics/MetricsPage.tsx'), 'MetricsPage'),
});
const gateRubricsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/gate/rubrics',
  component: lazyRouteComponent(() => import('./features/gate/rubrics/RubricsPage.tsx'), 'RubricsPage'),
});
export type GoldenSearch = Pick<GoldenFilters, 'criterion' | 'productType' | 'q'>;
const gateGoldenRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/gate/golden',
  validateSearch: (s: Record<string, unknown> & SearchSchemaInput): GoldenSearch => ({
    criterion: str(s.criterion),
    productType: str(s.productType),
    q: str(s.q),
  }),
  component: lazyRouteComponent(() => import('./features/gate/golden/GoldenPage.tsx'), 'GoldenPage'),
});

// Admin, audit and account pages are owned by their own feature folders and loaded on demand.
const AdminPage = lazy(() => import('./features/admin/AdminPage.tsx'));
function AdminRoute() {
  const { tab } = useParams({ strict: false });
  const navigate = useNavigate();
  return (
    <Suspense fallback={<LoadingState />}>
      <AdminPage tab={tab} onTabChange={(next) => void navigate({ to: '/admin/$tab', params: { tab: next } })} />
    </Suspense>
  );
}
const adminRoute = createRoute({ getParentRoute: () => rootRoute, path: '/admin', component: AdminRoute });
const adminTabRoute = createRoute({ getParentRoute: () => rootRoute, path: '/admin/$tab', component: AdminRoute });
const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/audit',
  component: lazyRouteComponent(() => import('./features/audit/AuditPage.tsx')),
});
const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account',
  component: lazyRouteComponent(() => import('./features/account/AccountPage.tsx')),
});

// Single sign-on errors land on /login?error=… (shown by the login page while signed out); signed in, go home.
const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  component: () => <Navigate to="/" replace />,
});

const routeTree = rootRoute.addChildren([
  boardRoute,
  loginRoute,
  productRoute,
  backlogRoute,
  uatRoute,
  uatSessionRoute,
  signoffRoute,
  handoverRoute,
  handoverPackageRoute,
  handoverCheckpointRoute,
  handoverTemplatesRoute,
  handoverStatsRoute,
  weeklyIntakeRoute,
  adoptionRoute,
  guestUatRoute,
  feedbackRoute,
  documentRoute,
  editorRoute,
  diffRoute,
  searchRoute,
  gateRoute,
  gateReviewRoute,
  gateMetricsRoute,
  gateRubricsRoute,
  gateGoldenRoute,
  adminRoute,
  adminTabRoute,
  auditRoute,
  accountRoute,
]);

function NotFound() {
  return (
    <Center py="xl">
      <Stack align="center" gap="xs" data-testid="not-found">
        <Text fw={600}>Page not found</Text>
        <Text c="dimmed" size="sm">
          The address does not match any page of PI Studio.
        </Text>
        <ButtonLink to="/" variant="light">
          Back to the portfolio
        </ButtonLink>
      </Stack>
    </Center>
  );
}

export const router = createRouter({
  routeTree,
  defaultPreload: 'intent',
  defaultPendingComponent: () => <LoadingState />,
  defaultErrorComponent: ({ error, reset }) => <ErrorState error={error} onRetry={reset} />,
  defaultNotFoundComponent: NotFound,
  parseSearch: (search) => Object.fromEntries(new URLSearchParams(search.replace(/^\?/, ''))),
  stringifySearch: (params) => {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
    const s = u.toString();
    return s ? `?${s}` : '';
  },
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
