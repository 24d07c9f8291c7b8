// Shared UI kit (web/src/ui): the Mantine pieces every feature builds its pages from, so forms, lists and dialogs
// look and behave alike. It imports only lib/ and browser libraries, never a feature.
// Every field the server refused, for editors whose fields cannot each show their own reason.
import { List, type ListProps, Text } from '@mantine/core';
import type { InvalidParam } from '../lib/api.ts';

type Props = { params: readonly InvalidParam[] } & Omit<ListProps, 'children'>;

/** One line a refused field: its name in monospace, then the reason. */
export function InvalidParamsList({ params, ...listProps }: Props) {
  return (
    <List size="sm" {...listProps}>
      {params.map((p) => (
        <List.Item key={`${p.name}:${p.reason}`}>
          <Text span ff="monospace" size="sm">
            {p.name}
          </Text>
          : {p.reason}
        </List.Item>
      ))}
    </List>
  );
}
