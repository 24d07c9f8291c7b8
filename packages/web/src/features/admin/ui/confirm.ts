import { confirmAction } from '../../../lib/confirm.tsx';

type Options = Parameters<typeof confirmAction>[0];

/** Callback form of the shared confirm dialog: runs `onConfirm` only after an explicit confirm. */
export function confirmThen(options: Options, onConfirm: () => void): void {
  void confirmAction(options).then((ok) => {
    if (ok) onConfirm();
  });
}
