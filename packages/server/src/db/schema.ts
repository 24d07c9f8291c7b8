// One Postgres schema for PGlite and PostgreSQL, one file per module under schema/. Use only Postgres 15
// features (CI runs Debian's 15). Migrations are generated from this barrel and frozen once committed.
export * from './schema/accounts.ts';
export * from './schema/audit.ts';
export * from './schema/documents.ts';
export * from './schema/gate.ts';
export * from './schema/workspace.ts';
