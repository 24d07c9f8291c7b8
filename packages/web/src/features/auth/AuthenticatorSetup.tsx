import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { QRCodeSVG } from 'qrcode.react';
import type { Enrolment } from './api.ts';

/** Scan the QR code, or type the secret into the app by hand (the QR is drawn as SVG here: nothing leaves the page). */
export function AuthenticatorSetup({ enrolment }: { enrolment: Enrolment }) {
  const grouped = enrolment.secret.replace(/(.{4})/g, '$1 ').trim();
  return (
    <Stack gap="xs" data-testid="authenticator-setup">
      <Text size="sm">
        1. Open an authenticator app on your phone (Microsoft Authenticator, Google Authenticator, 1Password…) and scan
        this code.
      </Text>
      <Group justify="center" p="sm" bg="white" style={{ borderRadius: 8 }}>
        <QRCodeSVG value={enrolment.otpauthUri} size={184} marginSize={2} title="QR code for your authenticator app" />
      </Group>
      <Text size="sm">Cannot scan it? Enter this key in the app instead:</Text>
      <Group gap="xs" align="center">
        {/* Wraps only between groups of four, so a narrow phone screen never splits one. */}
        <Code data-testid="totp-secret" style={{ whiteSpace: 'pre-wrap', wordBreak: 'normal', fontSize: 14 }}>
          {grouped}
        </Code>
        <CopyButton value={enrolment.secret}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" color={copied ? 'teal' : 'blue'} onClick={copy}>
              {copied ? 'Copied' : 'Copy key'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="sm">2. Enter the 6-digit code the app shows.</Text>
    </Stack>
  );
}
