import { Table } from '@mantine/core';
import { useState } from 'react';
import { AuditRow } from './AuditRow.tsx';
import type { AuditEvent } from './api.ts';

export function AuditTable({ events }: { events: AuditEvent[] }) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={28} />
            <Table.Th>When</Table.Th>
            <Table.Th>Actor</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Target</Table.Th>
            <Table.Th>Subsidiary</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <AuditRow key={e.id} event={e} expanded={expanded.has(e.id)} onToggle={() => toggle(e.id)} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
