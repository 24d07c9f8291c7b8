// Reading a document's history: versions and the line diff between two of them.
import { formatVersion, parseVersion, type Version } from '@pi-studio/core/documents/version';
import type { Deps } from '../../http/deps.ts';
import { AppError, validationFailed } from '../../http/errors.ts';
import { jobProblem } from '../../lib/jobs/problems.ts';
import { type DiffInput, diffFitsInline, diffResponseJson } from './diff-job.ts';
import { type DocumentRecord, findVersion, findVersionBefore, findVersionById, type VersionWithBody } from './repo.ts';

function parse(text: string, field: string): Version {
  const v = parseVersion(text);
  if (!v) throw validationFailed([{ name: field, reason: 'use major.minor, e.g. 1.3' }]);
  return v;
}

export async function getVersion(deps: Deps, doc: DocumentRecord, versionText: string): Promise<VersionWithBody> {
  const found = await findVersion(deps.db, doc.id, parse(versionText, 'path.version'));
  if (!found) throw new AppError(404, 'version_not_found', `version ${versionText} of this document does not exist`);
  return found;
}

/**
 * The diff response as JSON text. Defaults: `to` = the current version, `from` = the version just before `to`
 * (none for a first version).
 */
export async function diffVersions(deps: Deps, doc: DocumentRecord, fromText?: string, toText?: string) {
  const to = toText
    ? await findVersion(deps.db, doc.id, parse(toText, 'query.to'))
    : doc.currentVersionId
      ? await findVersionById(deps.db, doc.currentVersionId)
      : null;
  if (!to) {
    throw new AppError(404, 'version_not_found', `version ${toText ?? 'current'} of this document does not exist`, [
      { name: 'query.to', reason: 'no such version' },
    ]);
  }
  const from = fromText
    ? await findVersion(deps.db, doc.id, parse(fromText, 'query.from'))
    : await findVersionBefore(deps.db, doc.id, to);
  if (fromText && !from) {
    throw new AppError(404, 'version_not_found', `version ${fromText} of this document does not exist`, [
      { name: 'query.from', reason: 'no such version' },
    ]);
  }
  const input: DiffInput = {
    from: from ? formatVersion(from) : null,
    to: formatVersion(to),
    oldText: from?.body ?? '',
    newText: to.body,
  };
  if (diffFitsInline(input)) return diffResponseJson(input);
  try {
    return await deps.jobs.run('documents.diff', input);
  } catch (err) {
    throw jobProblem(err, { code: 'diff_too_complex', field: 'query.to', what: 'this diff' });
  }
}
