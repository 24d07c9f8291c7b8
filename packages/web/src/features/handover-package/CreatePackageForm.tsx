// Starting a product's handover package: its profile (type and flags decide which checklist items apply and why),
// the release it hands over and the planned handover date. Only a product in UAT or handover gets one.
import { Alert, Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { PACKAGE_LIMITS } from '@pi-studio/core/contract/handover-package';
import {
  PRODUCT_FLAGS,
  PRODUCT_TYPE_LABELS,
  PRODUCT_TYPES,
  type ProductFlag,
  type ProductType,
} from '@pi-studio/core/handover-package/profile';
import { type FormEvent, useState } from 'react';
import { fieldError } from '../../lib/field-errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { isStage, STAGE_LABEL } from '../../lib/stages.ts';
import { FormError } from '../../ui/FormError.tsx';
import { applicableCount, FLAG_LABEL, plural } from './format.ts';
import { useCreatePackage } from './use-create-package.ts';

const READY_STAGES = ['uat', 'handover'];

export function CreatePackageForm({ code, productName, stage }: { code: string; productName: string; stage: string }) {
  const create = useCreatePackage(code);
  const [type, setType] = useState<ProductType | null>(null);
  const [flags, setFlags] = useState<ProductFlag[]>([]);
  const [release, setRelease] = useState('');
  const [targetDate, setTargetDate] = useState('');
  const stageWords = isStage(stage) ? STAGE_LABEL[stage] : stage;
  const tooEarly = !READY_STAGES.includes(stage);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!type) return;
    create.mutate(
      { type, flags, release: release.trim(), targetDate: targetDate || null },
      {
        onSuccess: (pkg) =>
          notifySuccess(`${plural(applicableCount(pkg), 'checklist item')} apply to ${productName}`, 'Package created'),
      },
    );
  };

  return (
    <Card withBorder radius="md" component="form" onSubmit={submit} maw={760} data-testid="create-package-form">
      <Stack gap="sm">
        <Title order={4}>No handover package yet</Title>
        <Text size="sm" c="dimmed">
          Describe {productName} so the checklist asks only what applies to it, and name the release you hand over.
        </Text>
        {tooEarly ? (
          <Alert color="yellow" variant="light" data-testid="package-too-early">
            {productName} is in {stageWords}: a package is started in UAT or Handover.
          </Alert>
        ) : null}
        <FormError
          error={create.error}
          fields={['type', 'flags', 'release', 'targetDate']}
          testId="create-package-error"
        />
        <Select
          label="Product type"
          placeholder="Pick the type"
          required
          data={PRODUCT_TYPES.map((t) => ({ value: t, label: `${sentence(PRODUCT_TYPE_LABELS[t])} (${t})` }))}
          value={type}
          onChange={(v) => setType(v as ProductType | null)}
          error={fieldError(create.error, 'type')}
          data-testid="package-type"
        />
        <Checkbox.Group
          label="What else applies"
          value={flags}
          onChange={(v) => setFlags(v as ProductFlag[])}
          error={fieldError(create.error, 'flags')}
        >
          <Stack gap={8} mt={6}>
            {PRODUCT_FLAGS.map((f) => (
              <Checkbox
                key={f}
                value={f}
                label={FLAG_LABEL[f].label}
                description={FLAG_LABEL[f].description}
                data-testid={`package-flag-${f}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label="Release"
            description="The version handed over, e.g. 1.0.0"
            required
            maxLength={PACKAGE_LIMITS.release}
            value={release}
            onChange={(e) => setRelease(e.currentTarget.value)}
            error={fieldError(create.error, 'release')}
            data-testid="package-release-input"
          />
          <TextInput
            type="date"
            label="Target handover date"
            description="The weekly checkpoint sorts by it"
            value={targetDate}
            onChange={(e) => setTargetDate(e.currentTarget.value)}
            error={fieldError(create.error, 'targetDate')}
            data-testid="package-target-date"
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={create.isPending}
            disabled={!type || !release.trim()}
            data-testid="create-package"
          >
            Create package
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
