// The report's tables and lists, with the empty sentence each one carries. Tables scroll sideways on a phone rather
// than squeezing their columns.
import { Card, List, Table, Text, Title } from '@mantine/core';
import type { Report } from './api.ts';

type Section = Report['sections'][number];

export function ReportSections({ sections }: { sections: readonly Section[] }) {
  return sections.map((s) => (
    <Card key={s.title} withBorder radius="md" data-testid="report-section">
      <Title order={4} mb="xs">
        {s.title}
      </Title>
      <SectionBody section={s} />
    </Card>
  ));
}

function SectionBody({ section }: { section: Section }) {
  if (section.kind === 'list') {
    if (section.items.length === 0) return <Empty text={section.empty} />;
    return (
      <List size="sm" spacing={4}>
        {section.items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    );
  }
  if (section.rows.length === 0) return <Empty text={section.empty} />;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            {section.columns.map((c) => (
              <Table.Th key={c}>{c}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {section.rows.map((row) => (
            <Table.Tr key={row.join('\u0000')}>
              {row.map((cell, i) => (
                <Table.Td key={section.columns[i] ?? i}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const Empty = ({ text }: { text: string }) => (
  <Text size="sm" c="dimmed">
    {text}
  </Text>
);
