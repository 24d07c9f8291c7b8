// Reading a document's history: versions and the line diff between two of them.
import { formatVersion, parseVersion, type Version } from '@pi-studio/core/documents/version';
import { jobProblem } from '../../lib/jobs/problems.ts';
import type { Deps } from '../../use-case/deps.ts';
import { NotFound, validationFailed } from '../../use-case/errors.ts';
import { type DiffInput, diffFitsInline, diffResponseJson } from './diff-job.ts';
import { type DocumentRecord, findVersion, findVersionBefore, findVersionById, type VersionWithBody } from './repo.ts';

const versionNotFound = (versionText: string, param?: string) =>
  new NotFound('version', param ? [{ name: param, reason: 'no such version' }] : [], {
    code: 'version_not_found',
    message: `version ${versionText} of this document does not exist`,
  });

function parse(text: string, field: string): Version {
  const v = parseVersion(text);
  if (!v) throw validationFailed([{ name: field, reason: 'use major.minor, e.g. 1.3' }]);
  return v;
}

export async function getVersion(deps: Deps, doc: DocumentRecord, versionText: string): Promise<VersionWithBody> {
  const found = await findVersion(deps.db, doc.id, parse(versionText, 'path.version'));
  if (!found) throw versionNotFound(versionText);
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
    throw versionNotFound(toText ?? 'current', 'query.to');
  }
  const from = fromText
    ? await findVersion(deps.db, doc.id, parse(fromText, 'query.from'))
    : await findVersionBefore(deps.db, doc.id, to);
  if (fromText && !from) {
    throw versionNotFound(fromText, 'query.from');
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
