// A new checklist template version, edited as a form from a copy of the version it is based on. Core's own check
// names every problem at its field while typing; publishing asks first (new packages take the new version, packages
// already started keep theirs) and the server checks again, its answer shown at the fields it names.
import {
  Accordion,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { CHECKLIST_GROUPS, type ChecklistGroup } from '@pi-studio/core/handover-package/checklist-template';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../lib/errors.ts';
import { invalidParams, problemsUnder } from '../../lib/field-errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { confirmAction } from '../../ui/confirm.tsx';
import { plural } from '../handover-package/format.ts';
import type { ChecklistTemplateBody } from './api.ts';
import { ItemFields } from './ItemFields.tsx';
import { groupLabel } from './labels.ts';
import {
  blankItem,
  changesFrom,
  fieldLabel,
  isGroup,
  removeItem,
  templateIssues,
  updateItem,
} from './template-form.ts';
import { useCreateTemplate } from './use-create-template.ts';

type Props = {
  base: ChecklistTemplateBody;
  initial: ChecklistTemplateBody;
  onCancel: () => void;
  onCreated: (version: number) => void;
};

const itemProblems = (problems: ReadonlyMap<string, string>, index: number) =>
  [...problems.keys()].filter((k) => k.startsWith(`items.${index}.`) || k === `items.${index}`).length;

export function TemplateEditor({ base, initial, onCancel, onCreated }: Props) {
  const create = useCreateTemplate();
  const [draft, setDraft] = useState(initial);
  const [open, setOpen] = useState<string[]>([]);
  const [group, setGroup] = useState<ChecklistGroup>('OPS');
  const [tried, setTried] = useState(false);
  const issues = useMemo(() => templateIssues(draft), [draft]);
  const problems = new Map([...issues, ...problemsUnder(create.error, '')]);

  const change = (next: ChecklistTemplateBody) => {
    setDraft(next);
    // The server's answer was about the draft as sent; the local check takes over once it changes.
    if (create.error) create.reset();
  };
  const add = () => {
    const item = blankItem(draft, group);
    change({ ...draft, items: [...draft.items, item] });
    setOpen([...open, String(draft.items.length)]);
  };
  const publish = async () => {
    setTried(true);
    if (issues.size > 0) {
      setOpen(draft.items.map((_, i) => String(i)).filter((i) => itemProblems(issues, Number(i)) > 0));
      return;
    }
    const { added, removed, changed } = changesFrom(base, draft);
    const ok = await confirmAction({
      title: `Publish ${draft.title} v${draft.version}?`,
      message: (
        <Stack gap="xs" data-testid="publish-summary">
          <Text size="sm">
            {plural(draft.items.length, 'item')}: {added.length} added{added.length ? ` (${added.join(', ')})` : ''},{' '}
            {removed.length} removed{removed.length ? ` (${removed.join(', ')})` : ''}, {changed.length} changed
            {changed.length ? ` (${changed.join(', ')})` : ''} against v{base.version}.
          </Text>
          <Text size="sm">
            Packages started from now on use v{draft.version}. Packages already started keep the template version they
            were built from. A published version cannot be changed, only followed by a newer one.
          </Text>
        </Stack>
      ),
      confirmLabel: `Publish v${draft.version}`,
    });
    if (!ok) return;
    create.mutate(draft, {
      onSuccess: (saved) => {
        notifySuccess(`${saved.title} v${saved.version} published. New handover packages use it.`);
        onCreated(saved.version);
      },
    });
  };

  return (
    <Card withBorder radius="md" data-testid="template-editor">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div>
            <Title order={4}>New version v{draft.version}</Title>
            <Text size="xs" c="dimmed">
              Based on {base.title} v{base.version} ({draft.id}).
            </Text>
          </div>
          <Group gap="xs">
            <Button variant="default" onClick={onCancel} data-testid="template-cancel">
              Cancel
            </Button>
            <Button onClick={() => void publish()} loading={create.isPending} data-testid="template-publish">
              Publish v{draft.version}
            </Button>
          </Group>
        </Group>
        {create.error ? (
          <Alert color="red" title="The server refused this version" data-testid="template-server-error">
            {invalidParams(create.error).length ? (
              <ProblemList problems={problemsUnder(create.error, '')} draft={draft} />
            ) : (
              errorMessage(create.error)
            )}
          </Alert>
        ) : tried && issues.size > 0 ? (
          <Alert
            color="red"
            title={`Fix ${plural(issues.size, 'problem')} before publishing`}
            data-testid="template-issues"
          >
            <ProblemList problems={issues} draft={draft} />
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <TextInput
            label="Title"
            value={draft.title}
            onChange={(e) => change({ ...draft, title: e.currentTarget.value })}
            error={problems.get('title')}
            data-testid="template-title"
          />
          <NumberInput
            label="Weight of a required item"
            min={0}
            max={100}
            value={draft.weights.required}
            onChange={(v) => change({ ...draft, weights: { ...draft.weights, required: Number(v) || 0 } })}
            error={problems.get('weights.required')}
          />
          <NumberInput
            label="Weight of a recommended item"
            min={0}
            max={100}
            value={draft.weights.recommended}
            onChange={(v) => change({ ...draft, weights: { ...draft.weights, recommended: Number(v) || 0 } })}
            error={problems.get('weights.recommended')}
          />
        </SimpleGrid>
        <Text size="sm" fw={500}>
          Items ({draft.items.length})
        </Text>
        {problems.get('items') ? (
          <Text size="xs" c="red">
            {problems.get('items')}
          </Text>
        ) : null}
        <Accordion multiple value={open} onChange={setOpen} variant="separated" data-testid="template-items-editor">
          {draft.items.map((item, index) => {
            const count = itemProblems(problems, index);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: ids are edited (and may clash) while typing
              <Accordion.Item key={index} value={String(index)} data-testid="template-edit-item" data-item={item.id}>
                <Accordion.Control>
                  <Group gap="xs" wrap="nowrap">
                    <Badge variant="outline" style={{ flexShrink: 0 }}>
                      {item.id || '—'}
                    </Badge>
                    <Text size="sm" lineClamp={1} style={{ minWidth: 0 }}>
                      {item.text || 'New item'}
                    </Text>
                    {count ? (
                      <Badge color="red" size="sm" style={{ flexShrink: 0 }} data-testid="template-item-problems">
                        {plural(count, 'problem')}
                      </Badge>
                    ) : null}
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  {open.includes(String(index)) ? (
                    <ItemFields
                      item={item}
                      index={index}
                      problems={problems}
                      onChange={(next) => change(updateItem(draft, index, next))}
                      onRemove={() => {
                        change(removeItem(draft, index));
                        setOpen([]);
                      }}
                    />
                  ) : null}
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            label="Area of the new item"
            size="sm"
            w={220}
            value={group}
            allowDeselect={false}
            onChange={(v) => (isGroup(v) ? setGroup(v) : undefined)}
            data={CHECKLIST_GROUPS.map((g) => ({ value: g, label: groupLabel(g) }))}
            data-testid="template-new-item-group"
          />
          <Button variant="light" onClick={add} data-testid="template-add-item">
            Add item
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Each problem under the field it concerns, in words ("OPS-9 · Why it matters: Text is required"). */
function ProblemList({ problems, draft }: { problems: ReadonlyMap<string, string>; draft: ChecklistTemplateBody }) {
  return (
    <List size="sm">
      {[...problems].map(([name, reason]) => (
        <List.Item key={name} data-field={name}>
          <Text span fw={600} size="sm">
            {fieldLabel(name, draft)}
          </Text>
          : {reason}
        </List.Item>
      ))}
    </List>
  );
}
