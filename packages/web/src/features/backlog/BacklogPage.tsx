// A product's backlog (issue #12): the requirements synced from the PRD that passed the gate, the stories and bugs
// built from them, the sprints, traceability (coverage and drift) and change requests. The tab and the stories'
// filters live in the address; the story editor is a drawer over whichever tab is open, and a change request can be
// raised from a drift item as well as from the changes tab.
import { Badge, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { ProductBreadcrumbs } from '../../ui/ProductBreadcrumbs.tsx';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { useSession } from '../auth/session.tsx';
import { useProduct } from '../products/queries.ts';
import { canWriteBacklog } from './access.ts';
import type { ChangeRequest } from './changes/api.ts';
import { ChangeRequestsPanel } from './changes/ChangeRequestsPanel.tsx';
import { DecideChangeModal } from './changes/DecideChangeModal.tsx';
import { type ChangeDraft, RaiseChangeModal } from './changes/RaiseChangeModal.tsx';
import { ExchangeMenu } from './exchange/ExchangeMenu.tsx';
import { currentRequirements } from './format.ts';
import { useRequirements } from './queries.ts';
import { RequirementsPanel } from './RequirementsPanel.tsx';
import { SprintsPanel } from './SprintsPanel.tsx';
import { StoriesPanel } from './StoriesPanel.tsx';
import { type EditorTarget, StoryEditor } from './StoryEditor.tsx';
import type { BacklogSearch, BacklogTab } from './search.ts';
import { changeDraftFor } from './trace/change-draft.ts';
import { TracePanel } from './trace/TracePanel.tsx';

const route = getRouteApi('/products/$code/backlog');

export function BacklogPage() {
  const { code } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const me = useSession();
  const product = useProduct(code);
  const requirements = useRequirements(code);
  const [editing, setEditing] = useState<EditorTarget | null>(null);
  const [raising, setRaising] = useState<ChangeDraft | null>(null);
  const [deciding, setDeciding] = useState<ChangeRequest | null>(null);

  if (product.isPending) return <LoadingState label="Loading backlog…" />;
  if (product.isError) return <ErrorState error={product.error} onRetry={() => void product.refetch()} />;
  const p = product.data.product;
  const canWrite = canWriteBacklog(me, p.subsidiary.code);
  // The server decides again: the product's PO/VB, or an administrator when the product has none.
  const canDecide = p.po ? p.po.id === me.user.id : me.user.isAdmin;
  const requirementItems = requirements.data?.items ?? [];
  const prdDocumentId = requirements.data?.baseline?.documentId ?? requirementItems[0]?.documentId ?? null;
  const tab: BacklogTab = search.tab ?? 'requirements';
  const setSearch = (next: BacklogSearch) => void navigate({ search: next, replace: true });
  const gaps = currentRequirements(requirements.data?.items ?? []).filter((r) => r.storyCount === 0).length;

  return (
    <Stack gap="lg" data-testid="backlog-page">
      <ProductBreadcrumbs code={p.code} here="Backlog" />
      <Group justify="space-between" align="flex-start" gap="sm">
        <div style={{ flex: '1 1 320px' }}>
          <Title order={2}>Backlog</Title>
          <Text c="dimmed" size="sm">
            {p.name}: requirements from the PRD that passed the gate, the stories and bugs that build them, the sprints,
            and every change of scope.
          </Text>
        </div>
        <ExchangeMenu code={code} canWrite={canWrite} />
      </Group>
      <Tabs
        value={tab}
        onChange={(value) => setSearch({ ...search, tab: (value as BacklogTab | null) ?? 'requirements' })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="requirements" data-testid="tab-requirements">
            <Group gap={6} wrap="nowrap">
              Requirements
              {gaps > 0 ? (
                <Badge size="xs" color="orange" variant="light" title={`${gaps} without a story`}>
                  {gaps}
                </Badge>
              ) : null}
            </Group>
          </Tabs.Tab>
          <Tabs.Tab value="stories" data-testid="tab-stories">
            Stories
          </Tabs.Tab>
          <Tabs.Tab value="sprints" data-testid="tab-sprints">
            Sprints
          </Tabs.Tab>
          <Tabs.Tab value="trace" data-testid="tab-trace">
            Traceability
          </Tabs.Tab>
          <Tabs.Tab value="changes" data-testid="tab-changes">
            Changes
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="requirements" pt="md">
          <RequirementsPanel
            code={code}
            query={requirements}
            canWrite={canWrite}
            onShowStories={(requirement) => setSearch({ tab: 'stories', requirement })}
            onOpen={setEditing}
          />
        </Tabs.Panel>
        <Tabs.Panel value="stories" pt="md">
          <StoriesPanel
            code={code}
            filters={search}
            onFilters={(filters) => setSearch({ ...filters, tab: 'stories' })}
            requirements={requirementItems}
            canWrite={canWrite}
            onOpen={setEditing}
          />
        </Tabs.Panel>
        <Tabs.Panel value="sprints" pt="md">
          <SprintsPanel code={code} canWrite={canWrite} onOpen={setEditing} />
        </Tabs.Panel>
        <Tabs.Panel value="trace" pt="md">
          <TracePanel
            code={code}
            onOpenStory={(key) => setEditing({ key })}
            onRaiseChange={canWrite ? (item) => setRaising(changeDraftFor(item)) : undefined}
          />
        </Tabs.Panel>
        <Tabs.Panel value="changes" pt="md">
          <ChangeRequestsPanel
            code={code}
            canWrite={canWrite}
            canDecide={canDecide}
            onRaise={() => setRaising({})}
            onDecide={setDeciding}
          />
        </Tabs.Panel>
      </Tabs>
      {editing ? (
        <StoryEditor
          code={code}
          target={editing}
          requirements={requirementItems}
          canWrite={canWrite}
          onClose={() => setEditing(null)}
          onCreated={(key) => setEditing({ key })}
        />
      ) : null}
      <RaiseChangeModal
        code={code}
        prdDocumentId={prdDocumentId}
        requirementKeys={requirementItems.filter((r) => r.removedIn === null).map((r) => r.key)}
        draft={raising}
        onClose={() => setRaising(null)}
      />
      <DecideChangeModal code={code} change={deciding} onClose={() => setDeciding(null)} />
    </Stack>
  );
}
