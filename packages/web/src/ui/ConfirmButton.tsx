// Shared UI kit (web/src/ui): the Mantine pieces every feature builds its pages from, so forms, lists and dialogs
// look and behave alike. It imports only lib/ and browser libraries, never a feature.
// A button that asks first.
import { Button, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { type ConfirmOptions, confirmAction } from './confirm.tsx';

/** A button that runs onConfirm only after the person confirms in a dialog. */
export function ConfirmButton({
  confirm,
  onConfirm,
  children,
  ...buttonProps
}: { confirm: ConfirmOptions; onConfirm: () => void; children: ReactNode } & Omit<ButtonProps, 'children'> & {
    'data-testid'?: string;
  }) {
  return (
    <Button
      {...buttonProps}
      onClick={async () => {
        if (await confirmAction(confirm)) onConfirm();
      }}
    >
      {children}
    </Button>
  );
}
