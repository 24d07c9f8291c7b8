// The checklist, group by group (Scope, Quality, Security & privacy…): each item's text, why it matters, why it
// applies at its level ("Required for WEB", or the team's override and why), its status, owner, evidence and evidence
// files; an item opens in the editor, its history in a drawer, and its level can be overridden.
import { Anchor, Badge, Button, Card, Code, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { ITEM_STATUS_LABELS } from '@pi-studio/core/contract/handover-package';
import { useState } from 'react';
import { VERDICT_COLOR, VERDICT_LABEL } from '../gate/format.ts';
import type { PackageItem } from './api.ts';
import { groupItems, LEVEL_LABEL, needsReason, STATUS_COLOR } from './format.ts';
import { ItemEditor } from './ItemEditor.tsx';
import { ItemFiles } from './ItemFiles.tsx';
import { ItemHistoryDrawer } from './ItemHistoryDrawer.tsx';
import { LevelOverrideButton } from './LevelOverride.tsx';

type Props = { code: string; items: PackageItem[]; canEdit: boolean };

export function ChecklistSection({ code, items, canEdit }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const [showNa, setShowNa] = useState(false);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const shown = showNa ? items : items.filter((i) => i.level !== 'not_applicable');
  const hidden = items.length - shown.length;
  const open = items.find((i) => i.id === editing) ?? null;

  return (
    <Stack gap="md" data-testid="checklist">
      {hidden > 0 || showNa ? (
        <Switch
          label={`Show the items that do not apply to this product${showNa ? '' : ` (${hidden})`}`}
          checked={showNa}
          onChange={(e) => setShowNa(e.currentTarget.checked)}
          data-testid="show-not-applicable"
        />
      ) : null}
      {groupItems(shown).map((g) => {
        const done = g.items.filter((i) => i.status === 'done').length;
        return (
          <Card
            key={g.group}
            withBorder
            radius="md"
            component="section"
            aria-label={g.label}
            data-testid={`group-${g.group}`}
          >
            <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
              <Title order={4}>{g.label}</Title>
              <Text size="sm" c="dimmed">
                {done} of {g.items.length} done
              </Text>
            </Group>
            <Stack gap={0}>
              {g.items.map((item, i) => (
                <ItemRow
                  key={item.id}
                  code={code}
                  item={item}
                  first={i === 0}
                  canEdit={canEdit}
                  onEdit={() => setEditing(item.id)}
                  onHistory={() => setHistoryOf(item.id)}
                />
              ))}
            </Stack>
          </Card>
        );
      })}
      {open ? <ItemEditor code={code} item={open} onClose={() => setEditing(null)} /> : null}
      <ItemHistoryDrawer code={code} itemId={historyOf} onClose={() => setHistoryOf(null)} />
    </Stack>
  );
}

function ItemRow({
  code,
  item,
  first,
  canEdit,
  onEdit,
  onHistory,
}: {
  code: string;
  item: PackageItem;
  first: boolean;
  canEdit: boolean;
  onEdit: () => void;
  onHistory: () => void;
}) {
  return (
    <Stack
      gap={4}
      py="sm"
      style={first ? undefined : { borderTop: '1px solid var(--mantine-color-default-border)' }}
      data-testid={`item-${item.id}`}
      data-status={item.status}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Text size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
          <Text span fw={700}>
            {item.id}
          </Text>{' '}
          {item.text}
        </Text>
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          <Button size="compact-sm" variant="subtle" onClick={onHistory} data-testid={`history-${item.id}`}>
            History
          </Button>
          {canEdit ? (
            <Button size="compact-sm" variant="light" onClick={onEdit} data-testid={`edit-${item.id}`}>
              Edit
            </Button>
          ) : null}
        </Group>
      </Group>
      <Group gap={6} wrap="wrap">
        <Badge color={STATUS_COLOR[item.status]} variant="light" data-testid="item-status">
          {item.statusLabel || ITEM_STATUS_LABELS[item.status]}
        </Badge>
        <Badge color={item.level === 'required' ? 'indigo' : 'gray'} variant="outline" title={item.levelReason}>
          {LEVEL_LABEL[item.level]}
        </Badge>
        <Text size="xs" c="dimmed">
          {item.levelReason}
        </Text>
        {canEdit ? <LevelOverrideButton code={code} item={item} /> : null}
      </Group>
      {item.levelOverride ? (
        <Text size="xs" c="orange.8" data-testid="item-level-override">
          {overrideLine(item, item.levelOverride)}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        Why: {item.why}
      </Text>
      <Text size="xs" data-testid="item-owner">
        Owner:{' '}
        {item.owner ?? (
          <Text span c="dimmed" size="xs">
            nobody yet
          </Text>
        )}
      </Text>
      <EvidenceList evidence={item.evidence} hint={item.evidenceHint} hasFiles={item.files.length > 0} />
      <ItemFiles code={code} itemId={item.id} files={item.files} canEdit={canEdit} />
      {needsReason(item.status) ? (
        <Text size="xs" data-testid="item-reason">
          {item.reason ? `Reason: ${item.reason}` : 'No reason given'} ·{' '}
          {item.approver ? `approved by ${item.approver}` : 'no approver yet'}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The team's override in words; the reason only when the level's own reason does not say it already. */
function overrideLine(item: PackageItem, o: NonNullable<PackageItem['levelOverride']>) {
  const said = o.reason && !item.levelReason.includes(o.reason) ? `: ${o.reason}` : '';
  return `Made ${o.required ? 'required' : 'optional'} for this package; the template says ${LEVEL_LABEL[item.templateLevel].toLowerCase()}${said}`;
}

function EvidenceList({
  evidence,
  hint,
  hasFiles,
}: {
  evidence: PackageItem['evidence'];
  hint: string;
  hasFiles: boolean;
}) {
  if (evidence.length === 0 && hasFiles) return null;
  if (evidence.length === 0)
    return (
      <Text size="xs" c="dimmed">
        Evidence: none yet ({hint})
      </Text>
    );
  return (
    <Stack gap={2} data-testid="item-evidence">
      {evidence.map((e) => (
        <Group key={`${e.kind}:${e.ref}`} gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          {e.kind === 'link' ? (
            <Anchor href={e.ref} target="_blank" rel="noreferrer" size="xs" style={{ overflowWrap: 'anywhere' }}>
              {e.ref}
            </Anchor>
          ) : (
            <Code style={{ overflowWrap: 'anywhere' }}>{e.ref}</Code>
          )}
          {e.validation ? (
            <Badge size="xs" variant="light" color={VERDICT_COLOR[e.validation]}>
              {VERDICT_LABEL[e.validation]}
            </Badge>
          ) : null}
          {e.problem ? (
            <Text size="xs" c="red">
              {e.problem}
            </Text>
          ) : null}
        </Group>
      ))}
    </Stack>
  );
}
