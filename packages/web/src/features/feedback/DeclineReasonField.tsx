// The reason a decline keeps, asked the same way for one item and for a bulk decline (only the hint differs).
import { Textarea } from '@mantine/core';
import { FEEDBACK_LIMITS } from '@pi-studio/core/contract/feedback';

type Props = {
  description: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  testId: string;
};

export function DeclineReasonField({ description, value, onChange, error, testId }: Props) {
  return (
    <Textarea
      label="Reason"
      description={description}
      required
      autosize
      minRows={2}
      maxLength={FEEDBACK_LIMITS.reason}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      data-autofocus
      data-testid={testId}
    />
  );
}
