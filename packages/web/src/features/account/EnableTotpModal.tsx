import { Modal, Stack } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { fieldError } from '../../lib/field-errors.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { LoadingState } from '../../ui/States.tsx';
import { AuthenticatorSetup } from '../auth/AuthenticatorSetup.tsx';
import { CodeField } from '../auth/CodeField.tsx';
import { RecoveryCodes } from '../auth/RecoveryCodes.tsx';
import { useConfirmTotp } from './use-confirm-totp.ts';
import { useStartTotp } from './use-start-totp.ts';

/** Scan, confirm with the first code, then save the recovery codes (shown once). */
export function EnableTotpModal({ onClose }: { onClose: () => void }) {
  const start = useStartTotp();
  const confirm = useConfirmTotp();
  const [code, setCode] = useState('');
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return; // once: a second start would replace the secret being scanned
    started.current = true;
    start.mutate();
  }, [start]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate({ code });
  };
  const codes = confirm.data?.recoveryCodes;

  return (
    <Modal
      opened
      onClose={codes ? () => undefined : onClose}
      withCloseButton={!codes}
      closeOnClickOutside={!codes}
      title="Turn on two-step sign-in"
      size="md"
    >
      {codes ? (
        <RecoveryCodes codes={codes} onDone={onClose} doneLabel="Done" />
      ) : (
        <form onSubmit={submit} data-testid="enable-totp-form">
          <Stack>
            <FormError error={start.error ?? confirm.error} fields={['code']} testId="enable-totp-error" />
            {start.data ? <AuthenticatorSetup enrolment={start.data} /> : start.isPending ? <LoadingState /> : null}
            {start.data ? (
              <CodeField value={code} onChange={setCode} error={fieldError(confirm.error, 'code')} />
            ) : null}
            <FormActions
              onCancel={onClose}
              submitLabel="Turn on"
              loading={confirm.isPending}
              disabled={!start.data || code.length !== 6}
              testId="enable-totp-submit"
            />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
