import { Badge, Card, Code, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { errorMessage } from '../../../lib/errors.ts';
import { useIdValidation } from '../queries.ts';

/** Asks the server (the same core validator the API uses) how it reads an id, while typing. */
export function IdTester() {
  const [input, setInput] = useState('');
  const [id] = useDebouncedValue(input.trim(), 250);
  const check = useIdValidation(id);
  const result = id ? check.data : undefined;

  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={5}>Try an id</Title>
        <TextInput
          placeholder="FINTX-PAYOUTS-PRD v1.3"
          value={input}
          onChange={(e) => setInput(e.currentTarget.value)}
          rightSection={check.isFetching ? <Loader size="xs" /> : null}
          data-testid="naming-try-id"
        />
        {check.isError && id ? (
          <Text c="red" size="sm">
            {errorMessage(check.error)}
          </Text>
        ) : null}
        {result && (
          <Stack gap={6} data-testid="naming-try-result">
            <Group gap="xs">
              {result.valid ? (
                <Badge color="green" data-testid="naming-valid">
                  valid
                </Badge>
              ) : (
                <Badge color="red" data-testid="naming-invalid">
                  invalid
                </Badge>
              )}
              {result.valid && <Badge variant="light">{result.kind}</Badge>}
            </Group>
            {!result.valid && (
              <Text size="sm" c="red">
                {result.error}
              </Text>
            )}
            {result.valid && (
              <Table withRowBorders={false}>
                <Table.Tbody>
                  {Object.entries(result.parts).map(([part, value]) => (
                    <Table.Tr key={part}>
                      <Table.Td w={140}>
                        <Text size="sm" c="dimmed">
                          {part}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Code>{typeof value === 'string' ? value : JSON.stringify(value)}</Code>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
