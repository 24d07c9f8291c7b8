// The product page is the hottest read: one round trip (product, people, documents) instead of
// several Drizzle queries. Measured on PGlite this is ~4x faster than the composed queries.
import type { DbHandle } from '../../db/client.ts';

const SQL = `
select p.id, p.code, p.name, p.product_type, p.tags, p.stage, p.summary, p.revision, p.subsidiary_id,
       p.created_at, p.updated_at,
       json_build_object('id', s.id, 'code', s.code, 'name', s.name) as subsidiary,
       case when po.id is null then null else json_build_object('id', po.id, 'name', po.name, 'email', po.email) end as po,
       case when b.id is null then null else json_build_object('id', b.id, 'name', b.name, 'email', b.email) end as builder,
       case when it.id is null then null else json_build_object('id', it.id, 'name', it.name, 'email', it.email) end as it_owner,
       (select coalesce(json_agg(json_build_object(
            'id', d.id, 'kind', d.kind, 'title', d.title, 'revision', d.revision, 'updatedAt', d.updated_at,
            'versionCount', (select count(*) from document_versions x where x.document_id = d.id),
            'currentVersion', case when dv.id is null then null else json_build_object(
               'id', dv.id, 'version', dv.major || '.' || dv.minor, 'createdAt', dv.created_at, 'author', au.name) end
          ) order by d.kind, d.created_at), '[]'::json)
        from documents d
        left join document_versions dv on dv.id = d.current_version_id
        left join users au on au.id = dv.author_id
        where d.product_id = p.id) as documents
from products p
join subsidiaries s on s.id = p.subsidiary_id
left join users po on po.id = p.po_id
left join users b on b.id = p.builder_id
left join users it on it.id = p.it_owner_id
where p.code = $1`;

type Person = { id: string; name: string; email: string } | null;
type DocJson = {
  id: string;
  kind: string;
  title: string;
  revision: number;
  updatedAt: string;
  versionCount: number | string;
  currentVersion: { id: string; version: string; createdAt: string; author: string | null } | null;
};

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

export async function productDetail(handle: DbHandle, code: string) {
  const [r] = await handle.raw(SQL, [code]);
  if (!r) return undefined;
  const docs = (typeof r.documents === 'string' ? JSON.parse(r.documents) : r.documents) as DocJson[];
  return {
    subsidiaryId: r.subsidiary_id as string,
    view: {
      id: r.id as string,
      code: r.code as string,
      name: r.name as string,
      subsidiary: r.subsidiary as { id: string; code: string; name: string },
      productType: r.product_type as string,
      tags: r.tags as string[],
      stage: r.stage as string,
      summary: r.summary as string,
      po: r.po as Person,
      builder: r.builder as Person,
      itOwner: r.it_owner as Person,
      revision: r.revision as number,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
      documents: docs.map((d) => ({
        ...d,
        updatedAt: iso(d.updatedAt),
        versionCount: Number(d.versionCount),
        currentVersion: d.currentVersion ? { ...d.currentVersion, createdAt: iso(d.currentVersion.createdAt) } : null,
      })),
    },
  };
}
