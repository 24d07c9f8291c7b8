// One Postgres schema for PGlite and PostgreSQL, one file per module under schema/. Use only Postgres 15
// features (CI runs Debian's 15). This aggregate exists for what needs every table at once — Drizzle's
// relational client (db/client.ts), drizzle-kit (migrations are generated from it and frozen once committed) and
// the backup — code that needs a table imports it from the file that defines it.
export * from './schema/accounts.ts';
export * from './schema/adoption.ts';
export * from './schema/audit.ts';
export * from './schema/backlog.ts';
export * from './schema/documents.ts';
export * from './schema/feedback.ts';
export * from './schema/gate.ts';
export * from './schema/handover.ts';
export * from './schema/sign-in.ts';
export * from './schema/uat.ts';
export * from './schema/workspace.ts';
