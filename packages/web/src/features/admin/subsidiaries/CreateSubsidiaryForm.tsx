import { Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../../lib/field-errors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { FormError } from '../../../ui/FormError.tsx';
import { useCreateSubsidiary } from '../use-create-subsidiary.ts';

// Same rule as the server: codes head every product id (FINTX-PAYOUTS), so they stay short and plain.
const CODE_PATTERN = /^[A-Z][A-Z0-9]{1,9}$/;

export function CreateSubsidiaryForm() {
  const create = useCreateSubsidiary();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const codeProblem =
    touched && !CODE_PATTERN.test(code) ? '2–10 capital letters or digits, starting with a letter' : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!CODE_PATTERN.test(code) || !name.trim()) return;
    create.mutate(
      { code, name: name.trim() },
      {
        onSuccess: (s) => {
          notifySuccess(`Subsidiary ${s.code} created`);
          setCode('');
          setName('');
          setTouched(false);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} data-testid="subsidiary-create-form">
      <Stack gap="xs">
        <FormError error={create.error} fields={['code', 'name']} />
        <Group align="flex-start">
          <TextInput
            label="Code"
            placeholder="FINTX"
            required
            w={140}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value.toUpperCase().replace(/[^A-Z0-9]/g, ''))}
            onBlur={() => setTouched(code !== '')}
            maxLength={10}
            error={codeProblem ?? fieldError(create.error, 'code')}
            data-testid="subsidiary-code"
          />
          <TextInput
            label="Name"
            placeholder="Fintech Ventures"
            required
            miw={260}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(create.error, 'name')}
            data-testid="subsidiary-name"
          />
          <Button type="submit" mt={25} loading={create.isPending} data-testid="subsidiary-create">
            Add subsidiary
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
