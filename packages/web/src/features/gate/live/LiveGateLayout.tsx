// Puts the live gate panel beside the editor for PRDs; other kinds keep the full-width editor.
import { Grid } from '@mantine/core';
import type { ReactNode } from 'react';
import { LiveGatePanel } from './LiveGatePanel.tsx';
import type { LiveGate } from './use-live-gate.ts';

export function LiveGateLayout({
  gate,
  enabled,
  onJump,
  children,
}: {
  gate: LiveGate;
  enabled: boolean;
  onJump: (line: number) => void;
  children: ReactNode;
}) {
  if (!enabled) return <>{children}</>;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 8 }}>{children}</Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <LiveGatePanel
          report={gate.report}
          lastMs={gate.lastMs}
          error={gate.error}
          rubricSource={gate.rubricSource}
          onJump={onJump}
        />
      </Grid.Col>
    </Grid>
  );
}
