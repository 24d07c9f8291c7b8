import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { notifySuccess } from '../../../lib/notify.ts';
import type { TaxonomyTerm } from '../types.ts';
import { fieldError } from '../ui/errors.ts';
import { FormError } from '../ui/FormError.tsx';
import { useUpdateTerm } from '../use-update-term.ts';

/** Only the label changes: the code is referenced by stored products. */
export function RenameTermModal({ term, onClose }: { term: TaxonomyTerm; onClose: () => void }) {
  const update = useUpdateTerm();
  const [label, setLabel] = useState(term.label);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      { id: term.id, label: label.trim() },
      {
        onSuccess: () => {
          notifySuccess(`Renamed ${term.code}`);
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={`Rename ${term.code}`}>
      <form onSubmit={submit}>
        <Stack>
          <FormError error={update.error} fields={['label']} />
          <TextInput
            label="Label"
            required
            data-autofocus
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={fieldError(update.error, 'label')}
            data-testid="taxonomy-rename-input"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              loading={update.isPending}
              disabled={!label.trim() || label.trim() === term.label}
              data-testid="taxonomy-rename-save"
            >
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
