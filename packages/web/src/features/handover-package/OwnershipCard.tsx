// After IT accepted the package, the IT owner confirms in the app who runs the product, who supports it, who is on
// call and what is still open (each with an owner and a due date). Everyone sees what was confirmed; the IT owner (or
// a studio administrator) fills the form in, or confirms again from what stands.
import { Button, Card, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { PACKAGE_LIMITS } from '@pi-studio/core/contract/handover-package';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../lib/field-errors.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { personName } from '../../lib/people.ts';
import { FormError } from '../../ui/FormError.tsx';
import type { HandoverPackage } from './api.ts';
import { localIsoDate } from './format.ts';
import {
  newOpenItem,
  type OpenItemRow,
  type Ownership,
  type OwnershipDraft,
  ownershipBodyOf,
  ownershipDraftOf,
  ownershipDraftProblems,
} from './ownership-form.ts';
import { RemoveRow } from './RemoveRow.tsx';
import { useConfirmOwnership } from './use-confirm-ownership.ts';

type Props = { code: string; pkg: HandoverPackage; canConfirm: boolean; itOwnerName: string | null };

export function OwnershipCard({ code, pkg, canConfirm, itOwnerName }: Props) {
  const [editing, setEditing] = useState(false);
  const current = pkg.ownership;
  if (canConfirm && (editing || !current))
    return (
      <OwnershipForm
        code={code}
        current={current}
        onDone={() => setEditing(false)}
        onCancel={current ? () => setEditing(false) : undefined}
      />
    );
  return (
    <Card withBorder radius="md" component="section" aria-label="Ownership" data-testid="ownership-card">
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Title order={4}>Ownership</Title>
        {canConfirm && current ? (
          <Button size="compact-sm" variant="light" onClick={() => setEditing(true)} data-testid="ownership-edit">
            Confirm again
          </Button>
        ) : null}
      </Group>
      {current ? (
        <OwnershipView ownership={current} />
      ) : (
        <Text size="sm" c="dimmed" data-testid="ownership-pending">
          {itOwnerName ? `${itOwnerName}, the product's IT owner,` : "The product's IT owner"} confirms who runs and
          supports {pkg.productName}, who is on call and what is still open.
        </Text>
      )}
    </Card>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

function OwnershipView({ ownership: o }: { ownership: Ownership }) {
  return (
    <Stack gap="xs" data-testid="ownership-confirmed">
      <Fact label="Runs it" value={o.runBy} testId="ownership-run-by" />
      <Fact label="Supports it" value={o.supportedBy} testId="ownership-supported-by" />
      <Fact label="On call" value={o.onCall ?? 'No on-call rota'} testId="ownership-on-call" />
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          Open items
        </Text>
        {o.openItems.length === 0 ? (
          <Text size="sm">None</Text>
        ) : (
          <List size="sm" spacing={2} data-testid="ownership-open-items">
            {o.openItems.map((i, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed server list; entries can repeat
              <List.Item key={`${n}:${i.text}`} style={{ overflowWrap: 'anywhere' }} data-testid="ownership-open-item">
                {i.text} — {i.owner}, due {formatDate(i.dueDate)}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      <Text size="xs" c="dimmed" data-testid="ownership-confirmed-by">
        Confirmed by {personName(o.confirmedBy, 'someone')} · {formatDateTime(o.confirmedAt)}
      </Text>
    </Stack>
  );
}

const FIELDS = ['runBy', 'supportedBy', 'onCall', 'openItems'];

function OwnershipForm({
  code,
  current,
  onDone,
  onCancel,
}: {
  code: string;
  current: Ownership | null;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const confirm = useConfirmOwnership(code);
  const [draft, setDraft] = useState<OwnershipDraft>(() => ownershipDraftOf(current));
  const set = (patch: Partial<OwnershipDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setItem = (i: number, patch: Partial<OpenItemRow>) =>
    set({ openItems: draft.openItems.map((row, j) => (j === i ? { ...row, ...patch } : row)) });
  const problems = ownershipDraftProblems(draft);
  const err = confirm.error;
  const itemError = (i: number, field: keyof OpenItemRow) => fieldError(err, `openItems.${i}.${field}`);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate(ownershipBodyOf(draft), {
      onSuccess: () => {
        notifySuccess('Who runs and supports the product is on record', 'Ownership confirmed');
        onDone();
      },
    });
  };

  return (
    <Card withBorder radius="md" component="form" onSubmit={submit} data-testid="ownership-form">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={4}>{current ? 'Confirm ownership again' : 'Confirm ownership'}</Title>
          <Text size="xs" c="dimmed">
            IT accepted the package: record who runs the product from now on, who supports it and what is still open.
          </Text>
        </Stack>
        <FormError error={err} fields={FIELDS} testId="ownership-error" />
        <TextInput
          label="Runs it"
          description="The team that operates the product"
          required
          maxLength={PACKAGE_LIMITS.owner}
          value={draft.runBy}
          onChange={(e) => set({ runBy: e.currentTarget.value })}
          error={fieldError(err, 'runBy')}
          data-testid="ownership-run-by-input"
        />
        <TextInput
          label="Supports it"
          description="Who users go to: service desk, L2 team"
          required
          maxLength={PACKAGE_LIMITS.owner}
          value={draft.supportedBy}
          onChange={(e) => set({ supportedBy: e.currentTarget.value })}
          error={fieldError(err, 'supportedBy')}
          data-testid="ownership-supported-by-input"
        />
        <TextInput
          label="On call"
          description="Leave empty when nobody is on call out of hours"
          maxLength={PACKAGE_LIMITS.owner}
          value={draft.onCall}
          onChange={(e) => set({ onCall: e.currentTarget.value })}
          error={fieldError(err, 'onCall')}
          data-testid="ownership-on-call-input"
        />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            Open items
          </Text>
          {draft.openItems.length === 0 ? (
            <Text size="xs" c="dimmed">
              None.
            </Text>
          ) : null}
          {draft.openItems.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; they have no id until saved
            <Card key={i} withBorder p="xs" radius="sm" data-testid="open-item-row">
              <Stack gap={6}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <TextInput
                    aria-label={`Open item ${i + 1}`}
                    placeholder="What is still open"
                    maxLength={PACKAGE_LIMITS.gapText}
                    value={row.text}
                    onChange={(e) => setItem(i, { text: e.currentTarget.value })}
                    error={itemError(i, 'text')}
                    style={{ flex: 1, minWidth: 0 }}
                    data-testid="open-item-text"
                  />
                  <RemoveRow
                    label={`Remove open item ${i + 1}`}
                    onRemove={() => set({ openItems: draft.openItems.filter((_, j) => j !== i) })}
                  />
                </Group>
                <Group gap="xs" wrap="wrap">
                  <TextInput
                    aria-label={`Open item ${i + 1} owner`}
                    placeholder="Owner"
                    maxLength={PACKAGE_LIMITS.owner}
                    value={row.owner}
                    onChange={(e) => setItem(i, { owner: e.currentTarget.value })}
                    error={itemError(i, 'owner')}
                    style={{ flex: 1, minWidth: 160 }}
                    data-testid="open-item-owner"
                  />
                  <TextInput
                    type="date"
                    aria-label={`Open item ${i + 1} due date`}
                    value={row.dueDate}
                    onChange={(e) => setItem(i, { dueDate: e.currentTarget.value })}
                    error={itemError(i, 'dueDate')}
                    style={{ flex: 1, minWidth: 150 }}
                    data-testid="open-item-due"
                  />
                </Group>
              </Stack>
            </Card>
          ))}
          <Group>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => set({ openItems: [...draft.openItems, newOpenItem(localIsoDate())] })}
              disabled={draft.openItems.length >= PACKAGE_LIMITS.gaps}
              data-testid="open-item-add"
            >
              Add open item
            </Button>
          </Group>
        </Stack>
        {problems.length ? (
          <Text size="xs" c="dimmed" data-testid="ownership-todo">
            {problems.join(' ')}
          </Text>
        ) : null}
        <Group justify="flex-end" gap="xs">
          {onCancel ? (
            <Button variant="default" onClick={onCancel} data-testid="ownership-cancel">
              Cancel
            </Button>
          ) : null}
          <Button
            type="submit"
            loading={confirm.isPending}
            disabled={problems.length > 0}
            data-testid="ownership-submit"
          >
            Confirm ownership
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
