// Shared UI kit (web/src/ui): the Mantine pieces every feature builds its pages from, so forms, lists and dialogs
// look and behave alike. It imports only lib/ and browser libraries, never a feature.
// A one-field rename dialog.
import { Modal, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../lib/field-errors.ts';
import { notifySuccess } from '../lib/notify.ts';
import { FormActions } from './FormActions.tsx';
import { FormError } from './FormError.tsx';

type Props = {
  title: string;
  /** Label of the one text field, e.g. "Name". */
  label: string;
  /** The body field the API names in invalid_params, e.g. `name`. */
  field: string;
  initial: string;
  /** Prefix of the test ids `<testId>-input` and `<testId>-save`. */
  testId: string;
  /** Saves the trimmed value through the feature's mutation hook; rejects with the API error. */
  save: (value: string) => Promise<unknown>;
  successMessage: string;
  onClose: () => void;
};

/**
 * One text field and Save. Mount it only while open: the value starts from `initial` and the error from the last
 * attempt is forgotten each time.
 */
export function RenameModal({ title, label, field, initial, testId, save, successMessage, onClose }: Props) {
  const [value, setValue] = useState(initial);
  const saving = useMutation({
    mutationFn: save,
    onSuccess: () => {
      notifySuccess(successMessage);
      onClose();
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    saving.mutate(value.trim());
  };

  return (
    <Modal opened onClose={onClose} title={title}>
      <form onSubmit={submit}>
        <Stack>
          <FormError error={saving.error} fields={[field]} />
          <TextInput
            label={label}
            required
            data-autofocus
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={fieldError(saving.error, field)}
            data-testid={`${testId}-input`}
          />
          <FormActions
            onCancel={onClose}
            submitLabel="Save"
            loading={saving.isPending}
            disabled={!value.trim() || value.trim() === initial}
            testId={`${testId}-save`}
          />
        </Stack>
      </form>
    </Modal>
  );
}
