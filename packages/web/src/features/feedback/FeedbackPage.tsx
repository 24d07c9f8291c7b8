// A product's feedback inbox (issue #13): everything users said — from the in-app form, the API and chat exports —
// in one list, with how long the untriaged have waited, filters in the address, triage one by one or in bulk (with
// keyboard shortcuts), possible duplicates side by side, and the import wizard for chat exports.
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { ButtonLink } from '../../ui/Links.tsx';
import { ProductBreadcrumbs } from '../../ui/ProductBreadcrumbs.tsx';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { useSession } from '../auth/session.tsx';
import { useProduct } from '../products/queries.ts';
import { AgeingStrip } from './AgeingStrip.tsx';
import { canSubmitFeedback, canTriageFeedback } from './access.ts';
import { FeedbackFilters } from './FeedbackFilters.tsx';
import { FeedbackInbox } from './FeedbackInbox.tsx';
import { ImportWizard } from './ImportWizard.tsx';
import { SubmitFeedbackModal } from './SubmitFeedbackModal.tsx';
import { filtersOf } from './search.ts';

const route = getRouteApi('/products/$code/feedback');

export function FeedbackPage() {
  const { code } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const me = useSession();
  const product = useProduct(code);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);

  if (product.isPending) return <LoadingState label="Loading feedback…" />;
  if (product.isError) return <ErrorState error={product.error} onRetry={() => void product.refetch()} />;
  const p = product.data.product;
  const canSubmit = canSubmitFeedback(me, p.subsidiary.code);
  const canTriage = canTriageFeedback(me, p.subsidiary.code);

  return (
    <Stack gap="md" data-testid="feedback-page">
      <ProductBreadcrumbs code={p.code} here="Feedback" />
      <Group justify="space-between" align="flex-start" gap="sm">
        <div style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Title order={2}>Feedback</Title>
          <Text c="dimmed" size="sm">
            {p.name}: what users said, from the form, the API and chats, in one list. Decide each item: a story or bug,
            a duplicate, a question for a sprint, or declined with a reason.
          </Text>
        </div>
        <Group gap="xs">
          {canSubmit ? (
            <Button onClick={() => setAdding(true)} data-testid="add-feedback">
              Add feedback
            </Button>
          ) : null}
          {canTriage ? (
            <Button variant="default" onClick={() => setImporting(true)} data-testid="import-feedback">
              Import chat export
            </Button>
          ) : null}
          <ButtonLink
            to="/products/$code/backlog"
            params={{ code }}
            variant="subtle"
            data-testid="feedback-open-backlog"
          >
            Backlog
          </ButtonLink>
        </Group>
      </Group>
      <AgeingStrip code={code} />
      <FeedbackFilters search={search} onChange={(next) => void navigate({ search: next, replace: true })} />
      <FeedbackInbox
        code={code}
        filters={filtersOf(search)}
        canTriage={canTriage}
        canSubmit={canSubmit}
        onAdd={() => setAdding(true)}
        onImport={() => setImporting(true)}
        paused={adding || importing}
      />
      <SubmitFeedbackModal code={code} opened={adding} onClose={() => setAdding(false)} />
      <ImportWizard code={code} opened={importing} onClose={() => setImporting(false)} />
    </Stack>
  );
}
