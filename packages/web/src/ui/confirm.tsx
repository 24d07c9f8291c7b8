// Shared UI kit (web/src/ui): the Mantine pieces every feature builds its pages from, so forms, lists and dialogs
// look and behave alike. It imports only lib/ and browser libraries, never a feature.
// Destructive or consequential actions ask first. confirmAction resolves true only on an explicit confirm.
import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { ReactNode } from 'react';

export type ConfirmOptions = { title: string; message: ReactNode; confirmLabel?: string; danger?: boolean };

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

/** Callback form of confirmAction: runs `onConfirm` only after an explicit confirm. */
export function confirmThen(options: ConfirmOptions, onConfirm: () => void): void {
  void confirmAction(options).then((ok) => {
    if (ok) onConfirm();
  });
}
