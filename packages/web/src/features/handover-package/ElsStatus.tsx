// Early-life support in the package header: after IT's acceptance the builders stay third-line support for a window
// (30 days unless IT agreed otherwise at the review); gaps found in it count against the handover. A studio
// administrator or the product's ProductOps may change its length later, with a reason (the server decides again:
// 403 `not_productops` for anyone else).
import { Badge, Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { ELS_LIMITS } from '@pi-studio/core/handover-package/early-life';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../lib/field-errors.ts';
import { formatDate } from '../../lib/format.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormError } from '../../ui/FormError.tsx';
import type { Me } from '../auth/api.ts';
import type { HandoverPackage } from './api.ts';
import { plural } from './format.ts';
import { useChangeEls } from './use-change-els.ts';

type Els = NonNullable<HandoverPackage['earlyLifeSupport']>;

/** Administrators, and ProductOps of the product's subsidiary. */
export const canChangeEls = (me: Me, subsidiaryCode: string) =>
  me.user.isAdmin || me.memberships.some((m) => m.subsidiary === subsidiaryCode && m.role === 'productops');

export function ElsStatus({ code, els, canChange }: { code: string; els: Els | null; canChange: boolean }) {
  const [editing, setEditing] = useState(false);
  if (!els) return null;
  const active = els.status === 'active';
  const gaps = `${plural(els.gapsDuringEls, 'gap')} during it`;
  return (
    <Group gap={4} wrap="wrap">
      <Badge
        color={active ? 'blue' : 'gray'}
        variant="light"
        tt="none"
        title={`${els.days} days from ${formatDate(els.startsOn)} to ${formatDate(els.endsOn)}`}
        data-testid="package-els"
        data-status={els.status}
        style={{ maxWidth: '100%', height: 'auto', whiteSpace: 'normal' }}
      >
        {active
          ? `${els.statusLabel} until ${formatDate(els.endsOn)} · ${gaps}`
          : `Early-life support ended ${formatDate(els.endsOn)} · ${gaps}`}
      </Badge>
      {canChange ? (
        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)} data-testid="els-change">
          Change
        </Button>
      ) : null}
      {editing ? <ChangeEls code={code} els={els} onClose={() => setEditing(false)} /> : null}
    </Group>
  );
}

function ChangeEls({ code, els, onClose }: { code: string; els: Els; onClose: () => void }) {
  const change = useChangeEls(code);
  const [days, setDays] = useState<number | string>(els.days);
  const [reason, setReason] = useState('');
  const valid =
    typeof days === 'number' && Number.isInteger(days) && days >= ELS_LIMITS.minDays && days <= ELS_LIMITS.maxDays;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    change.mutate(
      { days, reason: reason.trim() },
      {
        onSuccess: (pkg) => {
          notifySuccess(`Early-life support: ${days} days, until ${formatDate(pkg.earlyLifeSupport?.endsOn)}`);
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title="Change early-life support" data-testid="els-editor">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">
            It started on {formatDate(els.startsOn)}. Gaps IT reports within it count as early-life gaps.
          </Text>
          <FormError error={change.error} fields={['days', 'reason']} />
          <NumberInput
            label="Days from the acceptance"
            min={ELS_LIMITS.minDays}
            max={ELS_LIMITS.maxDays}
            allowDecimal={false}
            value={days}
            onChange={setDays}
            error={
              valid ? fieldError(change.error, 'days') : `From ${ELS_LIMITS.minDays} to ${ELS_LIMITS.maxDays} days.`
            }
            data-testid="els-days"
          />
          <Textarea
            label="Reason"
            description="Kept in the audit trail"
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError(change.error, 'reason')}
            data-testid="els-reason"
          />
          <FormActions
            onCancel={onClose}
            submitLabel="Save"
            loading={change.isPending}
            disabled={!valid}
            testId="els-save"
          />
        </Stack>
      </form>
    </Modal>
  );
}
