// One event of the plan in the editor: its name (checked while typing), description, owner, status and properties.
// Each field shows the live hint first, then the reason the server gave for it at the last save.
import {
  ActionIcon,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { confirmThen } from '../../ui/confirm.tsx';
import {
  type EventDraft,
  type EventStatus,
  eventNameHint,
  newProperty,
  type PropertyDraft,
  type PropertyType,
  propertyNameHint,
  STATUS_LABEL,
  TYPE_LABEL,
} from './plan-form.ts';

type Props = {
  index: number;
  event: EventDraft;
  /** The server's reason for a field of this event, by its path below the event (`name`, `properties.0.type`). */
  reason: (path: string) => string | undefined;
  onChange: (next: EventDraft) => void;
  onRemove: () => void;
};

const TYPES = (Object.keys(TYPE_LABEL) as PropertyType[]).map((value) => ({ value, label: TYPE_LABEL[value] }));
const STATUSES = (Object.keys(STATUS_LABEL) as EventStatus[]).map((value) => ({ value, label: STATUS_LABEL[value] }));

export function EventFields({ index, event, reason, onChange, onRemove }: Props) {
  const set = (patch: Partial<EventDraft>) => onChange({ ...event, ...patch });
  const setProperty = (i: number, patch: Partial<PropertyDraft>) =>
    set({ properties: event.properties.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const label = event.name.trim() || `event ${index + 1}`;

  return (
    <Card withBorder radius="md" data-testid="event-fields">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <TextInput
            label="Event name"
            description="object_action in lowercase snake_case"
            placeholder="report_exported"
            value={event.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={eventNameHint(event.name) ?? reason('name')}
            style={{ flex: '1 1 240px' }}
            data-testid="event-name"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Status
            </Text>
            <SegmentedControl
              data={STATUSES}
              value={event.status}
              onChange={(v) => set({ status: v as EventStatus })}
              data-testid="event-status"
            />
          </Stack>
        </Group>
        <Textarea
          label="Description"
          description="What happened, in the words of the people using the product"
          autosize
          minRows={1}
          value={event.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          error={reason('description')}
          data-testid="event-description"
        />
        <TextInput
          label="Owner"
          description="Who answers for this event"
          value={event.owner}
          onChange={(e) => set({ owner: e.currentTarget.value })}
          error={reason('owner')}
          data-testid="event-owner"
        />
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            Properties
            <Text span size="xs" c="dimmed" fw={400}>
              {' '}
              · name, type and what it holds
            </Text>
          </Text>
          {reason('properties') ? (
            <Text size="xs" c="red">
              {reason('properties')}
            </Text>
          ) : null}
          {event.properties.map((p, i) => (
            <Group key={p.key} gap="xs" align="flex-start" wrap="wrap" data-testid="property-row">
              <TextInput
                aria-label="Property name"
                placeholder="report_format"
                value={p.name}
                onChange={(e) => setProperty(i, { name: e.currentTarget.value })}
                error={propertyNameHint(p.name) ?? reason(`properties.${i}.name`)}
                style={{ flex: '1 1 160px' }}
                data-testid="property-name"
              />
              <Select
                aria-label="Property type"
                data={TYPES}
                value={p.type}
                allowDeselect={false}
                onChange={(v) => setProperty(i, { type: (v ?? 'string') as PropertyType })}
                error={reason(`properties.${i}.type`)}
                w={120}
                data-testid="property-type"
              />
              <TextInput
                aria-label="Property description"
                placeholder="What it holds"
                value={p.description}
                onChange={(e) => setProperty(i, { description: e.currentTarget.value })}
                error={reason(`properties.${i}.description`)}
                style={{ flex: '2 1 200px' }}
                data-testid="property-description"
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={`Remove property ${p.name || i + 1}`}
                onClick={() => set({ properties: event.properties.filter((_, j) => j !== i) })}
                data-testid="property-remove"
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group justify="space-between" wrap="wrap">
            <Button
              variant="light"
              size="xs"
              onClick={() => set({ properties: [...event.properties, newProperty()] })}
              data-testid="property-add"
            >
              Add a property
            </Button>
            <Button
              variant="subtle"
              color="red"
              size="xs"
              onClick={() =>
                confirmThen(
                  {
                    title: 'Remove this event?',
                    message: `${label} leaves the plan when you save. Events already sent stay stored; new ones under this name are refused.`,
                    confirmLabel: 'Remove event',
                    danger: true,
                  },
                  onRemove,
                )
              }
              data-testid="event-remove"
            >
              Remove event
            </Button>
          </Group>
        </Stack>
      </Stack>
    </Card>
  );
}
