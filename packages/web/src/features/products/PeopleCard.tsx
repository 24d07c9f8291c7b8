import { Avatar, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Person } from '@pi-studio/core/contract/common';
import { useState } from 'react';
import { initials } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { PersonPicker } from '../workspace/PersonPicker.tsx';
import type { ProductDetail } from './api.ts';
import { useUpdateProduct } from './use-update-product.ts';

const ROLES = [
  { field: 'po', input: 'poId', label: 'PO / VB' },
  { field: 'builder', input: 'builderId', label: 'Builder' },
  { field: 'itOwner', input: 'itOwnerId', label: 'IT owner' },
] as const;

type Props = { product: ProductDetail; etag: string | null; canEdit: boolean };

export function PeopleCard({ product, etag, canEdit }: Props) {
  const [editing, edit] = useDisclosure(false);
  return (
    <Card withBorder radius="md" data-testid="people-card">
      <Group justify="space-between" mb="sm">
        <Title order={4}>People</Title>
        {canEdit ? (
          <Button size="xs" variant="light" onClick={edit.open} data-testid="edit-people">
            Edit
          </Button>
        ) : null}
      </Group>
      <Stack gap="sm">
        {ROLES.map((r) => (
          <PersonRow key={r.field} label={r.label} person={product[r.field]} />
        ))}
      </Stack>
      {editing ? <EditPeopleModal product={product} etag={etag} onClose={edit.close} /> : null}
    </Card>
  );
}

function PersonRow({ label, person }: { label: string; person: Person | null }) {
  return (
    <Group gap="sm" wrap="nowrap">
      <Avatar size={32} radius="xl" color={person ? 'indigo' : 'gray'}>
        {person ? initials(person.name) : '–'}
      </Avatar>
      <div style={{ minWidth: 0 }}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text size="sm" truncate>
          {person ? person.name : 'Not assigned'}
        </Text>
      </div>
    </Group>
  );
}

function EditPeopleModal({
  product,
  etag,
  onClose,
}: {
  product: ProductDetail;
  etag: string | null;
  onClose: () => void;
}) {
  const update = useUpdateProduct(product.code);
  const [ids, setIds] = useState({
    poId: product.po?.id ?? null,
    builderId: product.builder?.id ?? null,
    itOwnerId: product.itOwner?.id ?? null,
  });
  const save = () =>
    update.mutate(
      { body: ids, etag },
      {
        onSuccess: () => {
          notifySuccess(`People of ${product.code} updated.`);
          onClose();
        },
        onError: (err) => notifyError(err, 'People not updated'),
      },
    );
  return (
    <Modal opened onClose={onClose} title={`People of ${product.code}`} centered>
      <Stack>
        {ROLES.map((r) => (
          <PersonPicker
            key={r.input}
            label={r.label}
            subsidiary={product.subsidiary.code}
            value={ids[r.input]}
            onChange={(v) => setIds((cur) => ({ ...cur, [r.input]: v }))}
          />
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={save} loading={update.isPending} data-testid="save-people">
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
