import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { useResetUserTotp } from './use-reset-user-totp.ts';

/** For a person who lost the phone with their authenticator app (and their recovery codes). */
export function ResetTwoStepButton({ user }: { user: { id: string; name: string } }) {
  const reset = useResetUserTotp();
  return (
    <ConfirmButton
      size="compact-xs"
      variant="default"
      loading={reset.isPending}
      confirm={{
        title: `Reset two-step sign-in for ${user.name}?`,
        message:
          'Their authenticator app and recovery codes stop working. They sign in with their password alone, or set up a new app at their next sign-in if the studio requires two-step sign-in.',
        confirmLabel: 'Reset',
        danger: true,
      }}
      onConfirm={() =>
        reset.mutate(user.id, {
          onSuccess: () => notifySuccess(`Two-step sign-in reset for ${user.name}`),
          onError: (err) => notifyError(err),
        })
      }
      data-testid="user-reset-totp"
    >
      Reset two-step
    </ConfirmButton>
  );
}
