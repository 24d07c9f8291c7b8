import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { notifySuccess } from '../../../lib/notify.ts';
import type { Subsidiary } from '../types.ts';
import { fieldError } from '../ui/errors.ts';
import { FormError } from '../ui/FormError.tsx';
import { useRenameSubsidiary } from '../use-rename-subsidiary.ts';

type Props = { subsidiary: Subsidiary; onClose: () => void };

/** Mounted only while open, so the name starts from the current one each time. */
export function RenameSubsidiaryModal({ subsidiary, onClose }: Props) {
  const rename = useRenameSubsidiary();
  const [name, setName] = useState(subsidiary.name);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    rename.mutate(
      { code: subsidiary.code, name: name.trim() },
      {
        onSuccess: () => {
          notifySuccess(`${subsidiary.code} renamed`);
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={`Rename ${subsidiary.code}`}>
      <form onSubmit={submit}>
        <Stack>
          <FormError error={rename.error} fields={['name']} />
          <TextInput
            label="Name"
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(rename.error, 'name')}
            data-testid="subsidiary-rename-input"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              loading={rename.isPending}
              disabled={!name.trim() || name.trim() === subsidiary.name}
              data-testid="subsidiary-rename-save"
            >
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
