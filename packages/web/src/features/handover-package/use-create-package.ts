import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../lib/errors.ts';
import { createPackage, type PackageCreate } from './api.ts';
import { packageKeys } from './queries.ts';

/** Creates the product's package: the checklist for its profile, every item open. */
export function useCreatePackage(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PackageCreate) => createPackage(code, body),
    onSuccess: (pkg) => {
      qc.setQueryData(packageKeys.package(code), pkg);
      void qc.invalidateQueries({ queryKey: packageKeys.checkpoint });
    },
    // Someone else created it meanwhile: read it, so the page shows their package instead of this form.
    onError: (err) => {
      if (isApiError(err, 409) && err.code === 'package_exists')
        void qc.invalidateQueries({ queryKey: packageKeys.package(code) });
    },
  });
}
