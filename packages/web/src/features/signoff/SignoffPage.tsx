// A product's sign-offs (issue #13): whether it may move from UAT to handover and why, the form the PO/VB signs
// with, every sign-off in chain order with its evidence, and the chain's verification. `?session=<key>` picks the
// session to sign (the session page links here).
import { Alert, Breadcrumbs, Grid, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { AnchorLink } from '../../ui/Links.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { useSession } from '../auth/session.tsx';
import { useProduct } from '../products/queries.ts';
import { canSignOff } from './access.ts';
import { useSignoffs } from './queries.ts';
import { SignoffCard } from './SignoffCard.tsx';
import { SignoffForm } from './SignoffForm.tsx';
import { VerifyCard } from './VerifyCard.tsx';

const route = getRouteApi('/products/$code/signoff');

/** The server's reason is a clause ("the product is in Intake: …"); shown alone, it starts a sentence. */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export type SignoffSearch = { session?: string };

export function SignoffPage() {
  const { code } = route.useParams();
  const search = route.useSearch();
  const me = useSession();
  const product = useProduct(code);
  const signoffs = useSignoffs(code);

  if (product.isPending) return <LoadingState label="Loading sign-offs…" />;
  if (product.isError) return <ErrorState error={product.error} onRetry={() => void product.refetch()} />;
  const p = product.data.product;
  const canSign = canSignOff(me, { subsidiaryCode: p.subsidiary.code, poId: p.po?.id ?? null });
  const readiness = signoffs.data?.handoverReadiness;

  return (
    <Stack gap="lg" data-testid="signoff-page">
      <Breadcrumbs>
        <AnchorLink to="/products/$code" params={{ code }} size="sm">
          {p.code}
        </AnchorLink>
        <AnchorLink to="/products/$code/uat" params={{ code }} size="sm">
          UAT
        </AnchorLink>
        <Text size="sm">Sign-off</Text>
      </Breadcrumbs>
      <Title order={2}>Sign-off</Title>
      {readiness ? (
        <Alert
          color={readiness.ready ? 'green' : 'gray'}
          variant="light"
          title={readiness.ready ? 'Ready for handover' : 'Not ready for handover'}
          data-testid="handover-readiness"
          data-ready={readiness.ready}
        >
          {sentence(readiness.reason)}
        </Alert>
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="sm">
            <Title order={4}>Sign-offs</Title>
            <QueryState
              query={signoffs}
              isEmpty={(d) => d.items.length === 0}
              emptyTitle="No sign-offs yet"
              emptyDescription="The PO/VB signs a UAT session or a release here once testing is done."
              testId="signoffs"
            >
              {(d) => (
                <Stack gap="sm">
                  {/* Chain order is oldest first; the newest decides, so it comes first here. */}
                  {[...d.items].reverse().map((s) => (
                    <SignoffCard key={s.id} code={code} signoff={s} canSign={canSign} />
                  ))}
                </Stack>
              )}
            </QueryState>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            {canSign ? (
              <SignoffForm code={code} initialSession={search.session} currentBuild={readiness?.currentBuild ?? null} />
            ) : (
              <Text size="sm" c="dimmed" data-testid="signoff-not-signer">
                Only {p.po ? `${p.po.name}, the product's PO/VB,` : "the product's PO/VB"} or an administrator signs
                off.
              </Text>
            )}
            <VerifyCard code={code} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
