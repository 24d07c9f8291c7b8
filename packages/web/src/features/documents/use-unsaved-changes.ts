// Warns before leaving the editor with unsaved text: in-app navigation asks in a dialog, closing or reloading
// the tab uses the browser's own prompt. `isDirty` is read at navigation time, so a save can clear it first.
import { useBlocker } from '@tanstack/react-router';
import { confirmAction } from '../../ui/confirm.tsx';

export function useUnsavedChanges(isDirty: () => boolean) {
  useBlocker({
    shouldBlockFn: async () => {
      if (!isDirty()) return false;
      const leave = await confirmAction({
        title: 'Leave without saving?',
        message: 'Your changes are not saved yet. If you leave now they are lost.',
        confirmLabel: 'Discard changes',
        danger: true,
      });
      return !leave;
    },
    enableBeforeUnload: isDirty,
  });
}
