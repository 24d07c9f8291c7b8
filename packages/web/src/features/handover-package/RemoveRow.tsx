// The × at the end of a form row (evidence, attendee, gap): removes that row only; nothing is saved until the form is.
import { ActionIcon } from '@mantine/core';

type Props = { label: string; disabled?: boolean; onRemove: () => void; testId?: string };

export function RemoveRow({ label, disabled, onRemove, testId }: Props) {
  return (
    <ActionIcon
      variant="subtle"
      color="red"
      size="lg"
      aria-label={label}
      disabled={disabled}
      onClick={onRemove}
      style={{ flexShrink: 0 }}
      data-testid={testId}
    >
      ×
    </ActionIcon>
  );
}
