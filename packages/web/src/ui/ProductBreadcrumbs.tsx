// The trail above a product's page: Portfolio › the product's code › this page.
import { Breadcrumbs, Text } from '@mantine/core';
import { AnchorLink } from './Links.tsx';

export function ProductBreadcrumbs({ code, here }: { code: string; here: string }) {
  return (
    <Breadcrumbs>
      <AnchorLink to="/" size="sm">
        Portfolio
      </AnchorLink>
      <AnchorLink to="/products/$code" params={{ code }} size="sm">
        {code}
      </AnchorLink>
      <Text size="sm">{here}</Text>
    </Breadcrumbs>
  );
}
