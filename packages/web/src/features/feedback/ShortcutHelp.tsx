// The inbox's keyboard shortcuts (`?`), listed from the same table the keys are read from.
import { Group, Kbd, Modal, Stack, Text } from '@mantine/core';
import { SHORTCUTS } from './shortcuts.ts';

export function ShortcutHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="sm">
      <Stack gap={6} data-testid="shortcut-help">
        {SHORTCUTS.map((s) => (
          <Group key={s.key} gap="sm" wrap="nowrap">
            <Kbd miw={28} ta="center">
              {s.key}
            </Kbd>
            <Text size="sm">{s.label}</Text>
          </Group>
        ))}
        <Text size="xs" c="dimmed" mt="xs">
          Shortcuts act on the highlighted item and never fire while you type in a field. Tab reaches every button too.
        </Text>
      </Stack>
    </Modal>
  );
}
