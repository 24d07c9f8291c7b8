import { Alert, Modal, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { errorMessage, isApiError } from '../../lib/errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { creatableSubsidiaries, useSession } from '../auth/session.tsx';
import { PersonPicker } from '../workspace/PersonPicker.tsx';
import { useNaming, useSubsidiaries, useTaxonomy } from '../workspace/queries.ts';
import { keyProblem, suggestKey } from './product-key.ts';
import { useCreateProduct } from './use-create-product.ts';

type Props = { opened: boolean; onClose: () => void; defaultSubsidiary: string };

const EMPTY: Form = {
  name: '',
  key: '',
  productType: null,
  tags: [],
  summary: '',
  poId: null,
  builderId: null,
  itOwnerId: null,
};
type Form = {
  name: string;
  key: string;
  productType: string | null;
  tags: string[];
  summary: string;
  poId: string | null;
  builderId: string | null;
  itOwnerId: string | null;
};

export function NewProductModal({ opened, onClose, defaultSubsidiary }: Props) {
  const me = useSession();
  const navigate = useNavigate();
  const subsidiaries = useSubsidiaries();
  const types = useTaxonomy('product_type');
  const tags = useTaxonomy('tag');
  const create = useCreateProduct();
  const naming = useNaming();
  const allowed = creatableSubsidiaries(me);
  const options = (subsidiaries.data ?? []).filter((s) => allowed === 'all' || allowed.includes(s.code));
  const initialSubsidiary = options.some((s) => s.code === defaultSubsidiary) ? defaultSubsidiary : options[0]?.code;

  const [subsidiary, setSubsidiary] = useState<string | null>(null);
  const [form, setForm] = useState<Form>(EMPTY);
  const [keyTouched, setKeyTouched] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const chosenSubsidiary = subsidiary ?? initialSubsidiary ?? null;
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));

  const close = () => {
    setForm(EMPTY);
    setSubsidiary(null);
    setKeyTouched(false);
    setSubmitted(false);
    create.reset();
    onClose();
  };

  const serverError = (name: string) => (isApiError(create.error) ? create.error.fieldError(name) : undefined);
  const localKeyError = form.key ? keyProblem(form.key, naming.data?.convention) : null;
  const errors = {
    subsidiary: (submitted && !chosenSubsidiary ? 'Choose a subsidiary' : undefined) ?? serverError('subsidiary'),
    name: (submitted && !form.name.trim() ? 'Enter a name' : undefined) ?? serverError('name'),
    key: localKeyError ?? serverError('key'),
    productType: (submitted && !form.productType ? 'Choose a product type' : undefined) ?? serverError('productType'),
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!chosenSubsidiary || !form.name.trim() || !form.productType || localKeyError) return;
    create.mutate(
      {
        subsidiary: chosenSubsidiary,
        name: form.name.trim(),
        productType: form.productType,
        key: form.key || undefined,
        tags: form.tags.length ? form.tags : undefined,
        summary: form.summary.trim() || undefined,
        poId: form.poId ?? undefined,
        builderId: form.builderId ?? undefined,
        itOwnerId: form.itOwnerId ?? undefined,
      },
      {
        onSuccess: (product) => {
          notifySuccess(`${product.code} is in intake.`, 'Product created');
          close();
          void navigate({ to: '/products/$code', params: { code: product.code } });
        },
      },
    );
  };

  const fieldErrorNames = new Set(['subsidiary', 'name', 'key', 'productType']);
  const otherProblem =
    create.error &&
    !(isApiError(create.error) && create.error.problem.invalid_params?.every((p) => fieldErrorNames.has(p.name)))
      ? errorMessage(create.error)
      : null;

  return (
    <Modal opened={opened} onClose={close} title="New product" size="lg" centered>
      <form onSubmit={submit} data-testid="new-product-form" noValidate>
        <Stack>
          {otherProblem ? (
            <Alert color="red" role="alert">
              {otherProblem}
            </Alert>
          ) : null}
          <SimpleGrid cols={2}>
            <Select
              label="Subsidiary"
              required
              data={options.map((s) => ({ value: s.code, label: `${s.code} · ${s.name}` }))}
              value={chosenSubsidiary}
              onChange={setSubsidiary}
              error={errors.subsidiary}
              allowDeselect={false}
              data-testid="new-product-subsidiary"
            />
            <Select
              label="Product type"
              required
              data={(types.data ?? []).filter((t) => !t.archived).map((t) => ({ value: t.code, label: t.label }))}
              value={form.productType}
              onChange={(v) => set('productType', v)}
              error={errors.productType}
              placeholder={types.isPending ? 'Loading…' : 'Choose'}
              searchable
              data-testid="new-product-type"
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <TextInput
              label="Name"
              required
              value={form.name}
              onChange={(e) => {
                const name = e.currentTarget.value;
                setForm((f) => ({ ...f, name, key: keyTouched ? f.key : suggestKey(name) }));
              }}
              error={errors.name}
              data-testid="new-product-name"
            />
            <TextInput
              label="Key"
              description={
                chosenSubsidiary && form.key
                  ? `Code: ${chosenSubsidiary}${naming.data?.convention.separator ?? '-'}${form.key}`
                  : 'Capital letters and digits; suggested from the name'
              }
              value={form.key}
              onChange={(e) => {
                setKeyTouched(true);
                set('key', e.currentTarget.value.toUpperCase());
              }}
              error={errors.key}
              data-testid="new-product-key"
            />
          </SimpleGrid>
          <MultiSelect
            label="Tags"
            data={(tags.data ?? []).filter((t) => !t.archived).map((t) => ({ value: t.code, label: t.label }))}
            value={form.tags}
            onChange={(v) => set('tags', v)}
            searchable
            clearable
            error={serverError('tags')}
          />
          <Textarea
            label="Summary"
            autosize
            minRows={2}
            value={form.summary}
            onChange={(e) => set('summary', e.currentTarget.value)}
            error={serverError('summary')}
          />
          <SimpleGrid cols={3}>
            <PersonPicker
              label="PO / VB"
              subsidiary={chosenSubsidiary ?? undefined}
              value={form.poId}
              onChange={(v) => set('poId', v)}
              error={serverError('poId')}
            />
            <PersonPicker
              label="Builder"
              subsidiary={chosenSubsidiary ?? undefined}
              value={form.builderId}
              onChange={(v) => set('builderId', v)}
              error={serverError('builderId')}
            />
            <PersonPicker
              label="IT owner"
              subsidiary={chosenSubsidiary ?? undefined}
              value={form.itOwnerId}
              onChange={(v) => set('itOwnerId', v)}
              error={serverError('itOwnerId')}
            />
          </SimpleGrid>
          <FormActions
            onCancel={close}
            submitLabel="Create product"
            loading={create.isPending}
            testId="new-product-submit"
          />
        </Stack>
      </form>
    </Modal>
  );
}
