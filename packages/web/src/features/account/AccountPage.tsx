import { Stack, Title } from '@mantine/core';
import { PasswordForm } from './PasswordForm.tsx';
import { TokensSection } from './TokensSection.tsx';
import { TwoStepSection } from './TwoStepSection.tsx';

export default function AccountPage() {
  return (
    <Stack>
      <Title order={2}>My account</Title>
      <PasswordForm />
      <TwoStepSection />
      <TokensSection />
    </Stack>
  );
}
