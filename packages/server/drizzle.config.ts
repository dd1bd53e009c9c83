import { defineConfig } from 'drizzle-kit';

/** drizzle-kit generates the SQL migrations in ./drizzle from the schema; they are committed. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/server/src/db/schema.ts',
  out: './packages/server/drizzle',
});
