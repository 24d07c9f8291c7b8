import { TextInput } from '@mantine/core';

type Props = { value: string; onChange: (v: string) => void; error?: string; autoFocus?: boolean };

/** The 6-digit code from the authenticator app; phones can fill it in from the keyboard's suggestion. */
export function CodeField({ value, onChange, error, autoFocus }: Props) {
  return (
    <TextInput
      label="6-digit code"
      description="From your authenticator app"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      required
      autoFocus={autoFocus}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value.replace(/\D/g, ''))}
      error={error}
      styles={{ input: { letterSpacing: '0.3em', fontFamily: 'var(--mantine-font-family-monospace)' } }}
      data-testid="totp-code"
    />
  );
}
