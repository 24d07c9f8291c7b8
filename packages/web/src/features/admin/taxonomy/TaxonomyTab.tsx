import { SimpleGrid } from '@mantine/core';
import { TermList } from './TermList.tsx';

export function TaxonomyTab() {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <TermList kind="product_type" title="Product types" />
      <TermList kind="tag" title="Tags" />
    </SimpleGrid>
  );
}
