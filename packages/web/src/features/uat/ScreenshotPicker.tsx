// Screenshots for one result: picked on a laptop or taken with a phone's camera, checked in the browser before
// anything is sent (screenshot-check.ts), listed with a way to take one out again.
import { Alert, Button, CloseButton, FileButton, Group, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { formatBytes } from './format.ts';
import { type CheckedScreenshot, checkScreenshotFile, roomLeft, SCREENSHOT_ACCEPT } from './screenshot-check.ts';

let nextId = 0;

type Props = { value: CheckedScreenshot[]; onChange: (next: CheckedScreenshot[]) => void; disabled?: boolean };

export function ScreenshotPicker({ value, onChange, disabled }: Props) {
  const [errors, setErrors] = useState<string[]>([]);
  // Two photos may share a name (a phone calls every one image.jpg): each checked file is its own Blob, so its
  // identity keys the row.
  const ids = useRef(new WeakMap<Blob, number>());
  const keyOf = (file: Blob) => {
    let id = ids.current.get(file);
    if (id === undefined) {
      id = nextId++;
      ids.current.set(file, id);
    }
    return id;
  };
  const room = roomLeft(value.length);

  const add = async (files: File[]) => {
    const checked = await Promise.all(files.map(checkScreenshotFile));
    const good = checked.flatMap((c) => (c.ok ? [c.screenshot] : []));
    const refused = checked.flatMap((c) => (c.ok ? [] : [c.error]));
    if (good.length > room) refused.push(`only ${room} more screenshot${room === 1 ? '' : 's'} fit in one result`);
    setErrors(refused);
    onChange([...value, ...good.slice(0, room)]);
  };

  return (
    <Stack gap="xs">
      <Group gap="sm" wrap="wrap">
        <FileButton
          onChange={(files) => void add(files)}
          accept={SCREENSHOT_ACCEPT}
          multiple
          disabled={disabled || !room}
        >
          {(props) => (
            <Button {...props} variant="default" className="uat-tap" data-testid="add-screenshot">
              Add screenshot
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          PNG, JPEG or WebP, up to 5 MB each; {room} more
        </Text>
      </Group>
      {errors.length ? (
        <Alert color="red" variant="light" data-testid="screenshot-error" p="xs">
          {errors.map((e) => (
            <Text size="sm" key={e}>
              {e}
            </Text>
          ))}
        </Alert>
      ) : null}
      {value.map((s, i) => (
        <Group key={keyOf(s.file)} gap="xs" wrap="nowrap" data-testid="chosen-screenshot">
          <Text size="sm" truncate="end" style={{ flex: 1, minWidth: 0 }}>
            {s.name} · {formatBytes(s.file.size)}
          </Text>
          <CloseButton
            size="lg"
            className="uat-tap-icon"
            aria-label={`Remove ${s.name}`}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            disabled={disabled}
          />
        </Group>
      ))}
    </Stack>
  );
}
