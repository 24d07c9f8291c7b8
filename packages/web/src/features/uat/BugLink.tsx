// A defect's bug key as a link to the product's bugs in the backlog (where its status moves to done when fixed).
import { AnchorLink } from '../../ui/Links.tsx';

export function BugLink({ code, bugKey }: { code: string; bugKey: string }) {
  return (
    <AnchorLink
      to="/products/$code/backlog"
      params={{ code }}
      search={{ tab: 'stories', type: 'bug' }}
      ff="monospace"
      size="sm"
      data-testid="bug-link"
    >
      {bugKey}
    </AnchorLink>
  );
}
