// Destructive or consequential actions ask first. confirmAction resolves true only on an explicit confirm.
import { Button, type ButtonProps, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { ReactNode } from 'react';

type ConfirmOptions = { title: string; message: ReactNode; confirmLabel?: string; danger?: boolean };

export function confirmAction({ title, message, confirmLabel = 'Confirm', danger }: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    modals.openConfirmModal({
      title,
      centered: true,
      children: typeof message === 'string' ? <Text size="sm">{message}</Text> : message,
      labels: { confirm: confirmLabel, cancel: 'Cancel' },
      confirmProps: { color: danger ? 'red' : undefined, 'data-testid': 'confirm-action' },
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
      onClose: () => resolve(false),
    });
  });
}

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
