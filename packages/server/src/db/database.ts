/**
 * Opens the database — embedded PGlite under the data directory, or PostgreSQL when a URL is given —
 * runs the migrations, and hands out transactions scoped to one organization under row-level security.
 */
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  currentFieldKeyring,
  FieldCipherError,
  type FieldKeySource,
  withFieldKeyring,
} from '../keys/field-cipher.ts';
import * as schema from './schema.ts';

/** A Drizzle handle over either driver: the whole database, or one transaction. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** The committed SQL migrations. */
export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/**
 * A COPY in progress. COPY runs as the table owner: PostgreSQL refuses COPY FROM into a table with
 * row-level security, so callers must build every row's `org_id` from the transaction's organization.
 */
export interface CopySink {
  /** Queues rows (complete COPY text lines); resolves when the sink can take more. */
  write(text: string): Promise<void>;
  /** Finishes the COPY; rejects with the database's error if a row was refused. */
  end(): Promise<void>;
}

/** Where the database lives. */
export type DatabaseOptions =
  | { kind: 'pglite'; dataDir: string | null }
  | { kind: 'postgres'; url: string; poolSize?: number };

/** One open database. */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /**
   * The owner's connection, not subject to row-level security. Only for what precedes or spans
   * organizations: resolving an API key, creating an organization, jobs, migrations.
   */
  readonly system: Db;
  /** Runs `fn` in one transaction as the `groundwork_app` role, seeing only `orgId`'s rows. */
  withOrg<T>(orgId: string, fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Runs `fn` in one transaction on the owner's connection. */
  withSystem<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Gives the database the organizations' data keys: from then on every transaction of an organization
   * runs with its keys in scope, so the encrypted columns (task content) are sealed and opened. With
   * `ifUnset`, keys given before are kept (a job runner in the server's process uses the server's).
   */
  useFieldKeys(source: FieldKeySource, options?: { ifUnset?: boolean }): void;
  /**
   * Runs `fn` with `orgId`'s keys in scope without opening a transaction: for code that reads or writes
   * an organization's task content on the owner's connection (jobs).
   */
  withOrgKeys<T>(orgId: string, fn: () => Promise<T>): Promise<T>;
  /**
   * Runs one hot statement in its own transaction scoped to `orgId` and returns its rows — on
   * PostgreSQL in a single round trip (BEGIN, scope, the prepared statement with its values as
   * escaped literals, COMMIT), on PGlite as `withOrg` + `rawQuery`. With `durable: false` the COMMIT
   * does not wait for the write-ahead log to reach disk (PostgreSQL's `synchronous_commit = off`): a
   * crash of the database server may forget the last moments of such commits, never half of one.
   */
  runScoped<T>(orgId: string, statement: RawStatement, options?: { durable?: boolean }): Promise<T[]>;
  /** Like `runScoped` for several statements in one transaction (one round trip on PostgreSQL): rows per statement. */
  runScopedAll(
    orgId: string,
    statements: RawStatement[],
    options?: { durable?: boolean },
  ): Promise<unknown[][]>;
  /**
   * `withOrg` for hot paths: the `first` statements run before `fn` (on PostgreSQL sent with BEGIN and
   * the tenant scope in one round trip) and `fn` receives their rows; statements `fn` hands to
   * `finish` run after it, just before the COMMIT (on PostgreSQL in the COMMIT's round trip).
   */
  withOrgStarting<T>(
    orgId: string,
    first: RawStatement[],
    fn: (tx: Db, firstRows: unknown[][], finish: (last: RawStatement[]) => void) => Promise<T>,
  ): Promise<T>;
  /**
   * Starts loading rows in PostgreSQL's text COPY format into `table` inside the transaction `tx`.
   * On PostgreSQL the rows stream to the server while the caller prepares the next ones.
   */
  openCopy(tx: Db, table: string, columns: readonly string[]): Promise<CopySink>;
  /** Applies every pending migration. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const ORG_ID_PATTERN = /^[0-9a-f]{24}$/;

/** Runs a raw SQL statement and returns its rows (both drivers answer `{ rows }`). */
export async function queryRows<T = Record<string, unknown>>(tx: Db, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A hot statement run on the driver directly: PostgreSQL keeps it prepared per connection by name. */
export interface RawStatement {
  name: string;
  text: string;
  values: unknown[];
}

/** Runs a statement on the driver behind `tx`, bypassing the ORM's SQL building (for hot paths). */
export async function rawQuery<T>(tx: Db, statement: RawStatement): Promise<T[]> {
  const client = rawClient(tx) as pg.PoolClient | PGliteTransaction | ScopedPGlite;
  if ('release' in client) return (await client.query<T & pg.QueryResultRow>(statement)).rows;
  if ('run' in client) return (await client.run(statement)) as T[];
  // PGlite runs an extended-protocol query as six protocol exchanges with the WASM backend; a simple
  // query is one. Hot statements therefore go with their values as literals, escaped by pg.
  const results = await client.exec(withLiterals(statement));
  return (results.at(-1)?.rows ?? []) as T[];
}

/** The part of PGlite's transaction object used here. */
interface PGliteTransaction {
  exec(query: string): Promise<Array<{ rows: unknown[] }>>;
}

/** The statement's text with `$n` replaced by its value as an escaped SQL literal. */
export function withLiterals(statement: RawStatement): string {
  return statement.text.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= statement.values.length)
      throw new Error(`${statement.name}: no value for $${n}`);
    return literal(statement.values[index]);
  });
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a literal`);
    // Parenthesized: `-5::integer` would cast 5 first, and the most negative integer would overflow.
    return value < 0 ? `(${value})` : String(value);
  }
  if (value instanceof Date) return pg.escapeLiteral(value.toISOString());
  if (Array.isArray(value)) return `ARRAY[${value.map(literal).join(', ')}]`;
  if (typeof value === 'string') return pg.escapeLiteral(value);
  throw new Error(`cannot write a ${typeof value} as a literal`);
}

/** The part of a PGlite transaction that Drizzle and this module call. */
interface PGliteQueries {
  query: PGlite['query'];
  exec: PGlite['exec'];
}

/** A tenant-scoped PGlite transaction that also runs hot statements as prepared ones. */
interface ScopedPGlite extends PGliteQueries {
  run(statement: RawStatement): Promise<unknown[]>;
}

/**
 * A PGlite transaction whose tenant scope is entered together with its first statement: with exec, in
 * the same simple query, saving one exchange with the WASM backend per transaction. Hot statements
 * are prepared once per database (`prepared` lists them) and executed with their values as escaped
 * literals, so PostgreSQL neither re-parses nor re-plans them.
 */
function scopedLazily(tx: PGliteQueries, scope: string, prepared: Set<string>): ScopedPGlite {
  let entered = false;
  const scoped: ScopedPGlite = {
    async query(...args: Parameters<PGlite['query']>) {
      if (!entered) {
        entered = true;
        await tx.exec(scope);
      }
      return tx.query(...args);
    },
    async exec(query, options) {
      if (entered) return tx.exec(query, options);
      entered = true;
      const [, ...results] = await tx.exec(`${scope}; ${query}`, options);
      return results;
    },
    async run(statement) {
      const name = quoteIdent(statement.name);
      if (!prepared.has(statement.name)) {
        await scoped.exec(`PREPARE ${name} AS ${statement.text}`);
        prepared.add(statement.name);
      }
      const results = await scoped.exec(`EXECUTE ${name}(${statement.values.map(literal).join(', ')})`);
      return results.at(-1)?.rows ?? [];
    },
  } as ScopedPGlite;
  return scoped;
}

/** The statement that enters an organization's scope (the id is checked hex, so it is inlined). */
function tenantScope(orgId: string): string {
  return `SELECT set_config('role', 'groundwork_app', true), set_config('groundwork.org_id', '${orgId}', true)`;
}

/** The driver's own client behind a Drizzle transaction (used for COPY, which Drizzle does not wrap). */
function rawClient(tx: Db): unknown {
  return (tx as unknown as { session: { client: unknown } }).session.client;
}

/**
 * Runs `fn` as the connection's own user, then returns the transaction to its role. COPY FROM refuses
 * tables under row-level security (PostgreSQL), and PGlite's `/dev/blob` source needs file privileges,
 * so bulk loads run as the owner: their callers build every row's `org_id` themselves. After a failure
 * the transaction is aborted anyway, so the role is only restored on success.
 */
/** Switches the transaction back to the connecting (owning) role; returns the role to restore. */
async function enterOwner(tx: Db): Promise<string> {
  const [before] = await queryRows<{ role: string }>(
    tx,
    sql`SELECT current_setting('role') AS role, set_config('role', 'none', true)`,
  );
  return before?.role ?? 'none';
}

/** Restores the role saved by `enterOwner`. */
async function leaveOwner(tx: Db, role: string): Promise<void> {
  await tx.execute(sql`SELECT set_config('role', ${role}, true)`);
}

/** Runs `fn` as the owning role inside the transaction, then restores the tenant role. */
async function asOwner<T>(tx: Db, fn: () => Promise<T>): Promise<T> {
  const role = await enterOwner(tx);
  const result = await fn();
  await leaveOwner(tx, role);
  return result;
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad identifier ${name}`);
  return `"${name}"`;
}

function copyStatement(table: string, columns: readonly string[], source: string): string {
  return `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM ${source}`;
}

/** The owner's entry points over one Drizzle handle, the same for both drivers. */
function systemAccess(db: Db): Pick<Database, 'system' | 'withSystem'> {
  return { system: db, withSystem: (fn) => db.transaction(fn) };
}

/** Where an organization's keys come from, and the scope that hands them to the column codecs. */
function fieldKeyScope(): Pick<Database, 'useFieldKeys' | 'withOrgKeys'> {
  let source: FieldKeySource | null = null;
  return {
    useFieldKeys(given, options) {
      if (!(options?.ifUnset && source)) source = given;
    },
    async withOrgKeys(orgId, fn) {
      // Already in this organization's scope (a transaction inside withOrgKeys): nothing to load again.
      if (!source || currentFieldKeyring()?.orgId === orgId) return fn();
      const ring = await source.fieldKeyring(orgId);
      try {
        // Awaited inside the scope: a lazy query builder returned by `fn` runs (and seals) when awaited.
        return await withFieldKeyring(ring, async () => await fn());
      } catch (error) {
        // A value under a version this process has not loaded yet: read the keyring again next time.
        if (error instanceof FieldCipherError && error.staleOrg) source.forget(error.staleOrg);
        throw error;
      }
    },
  };
}

/** Opens the database described by `options` (the migrations are not applied; call `migrate`). */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'pglite') {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const client = options.dataDir ? await PGlite.create(options.dataDir) : await PGlite.create();
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    const prepared = new Set<string>();
    const keys = fieldKeyScope();
    const withOrg = <T>(orgId: string, fn: (tx: Db) => Promise<T>): Promise<T> => {
      if (!ORG_ID_PATTERN.test(orgId)) throw new Error(`invalid organization id ${JSON.stringify(orgId)}`);
      return keys.withOrgKeys(orgId, () =>
        client.transaction((raw) =>
          fn(
            drizzlePglite({
              client: scopedLazily(raw, tenantScope(orgId), prepared) as unknown as PGlite,
            }) as unknown as Db,
          ),
        ),
      );
    };
    return {
      kind: 'pglite',
      ...systemAccess(db),
      ...keys,
      withOrg,
      runScoped(orgId, statement) {
        return withOrg(orgId, (tx) => rawQuery(tx, statement));
      },
      runScopedAll(orgId, statements) {
        return withOrg(orgId, async (tx) => {
          const rows: unknown[][] = [];
          for (const statement of statements) rows.push(await rawQuery(tx, statement));
          return rows;
        });
      },
      withOrgStarting(orgId, first, fn) {
        return withOrg(orgId, async (tx) => {
          const rows: unknown[][] = [];
          for (const statement of first) rows.push(await rawQuery(tx, statement));
          let last: RawStatement[] = [];
          const result = await fn(tx, rows, (statements) => {
            last = statements;
          });
          for (const statement of last) await rawQuery(tx, statement);
          return result;
        });
      },
      async openCopy(tx, table, columns) {
        const raw = rawClient(tx) as { query: PGlite['query'] };
        // PGlite reads a COPY's whole input from one Blob: load it in slices of about 8 MB.
        let pending: string[] = [];
        let size = 0;
        const flush = async () => {
          if (pending.length === 0) return;
          const blob = new Blob(pending);
          pending = [];
          size = 0;
          await asOwner(tx, () => raw.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob }));
        };
        return {
          async write(text) {
            pending.push(text);
            size += text.length;
            if (size >= 8 * 1024 * 1024) await flush();
          },
          end: flush,
        };
      },
      async migrate() {
        await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_DIR });
      },
      close: () => client.close(),
    };
  }
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 20 });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next checkout.
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const keys = fieldKeyScope();
  // One Drizzle handle per pooled connection, reused by every transaction on it.
  const handles = new WeakMap<pg.PoolClient, Db>();
  // Statements prepared with SQL PREPARE on each pooled connection (runScoped, withOrgStarting).
  const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();
  /** `EXECUTE` of `statement` with its values as literals, preparing it on this connection first. */
  const executeScoped = async (client: pg.PoolClient, statement: RawStatement): Promise<string> => {
    let names = preparedOn.get(client);
    if (!names) {
      names = new Set();
      preparedOn.set(client, names);
    }
    // Named apart from the protocol-level statements rawQuery prepares on the same connection.
    const name = quoteIdent(`${statement.name}_scoped`);
    if (!names.has(name)) {
      await client.query(`PREPARE ${name} AS ${statement.text}`);
      names.add(name);
    }
    return `EXECUTE ${name}(${statement.values.map(literal).join(', ')})`;
  };
  // BEGIN and the tenant scope travel in one round trip (with the first statement, when given): the
  // hot path of every request.
  /**
   * A tenant transaction. BEGIN, the tenant scope and the `first` statements travel in one round trip,
   * the `finish` statements with the COMMIT in another; with no `fn` everything goes in one round trip
   * and the `first` statements' rows are the result.
   */
  async function transaction<T>(
    orgId: string,
    first: RawStatement[],
    fn: (tx: Db, firstRows: unknown[][], finish: (last: RawStatement[]) => void) => Promise<T>,
  ): Promise<T>;
  async function transaction(
    orgId: string,
    first: RawStatement[],
    fn: null,
    durable: boolean,
  ): Promise<unknown[][]>;
  async function transaction<T>(
    orgId: string,
    first: RawStatement[],
    fn: ((tx: Db, firstRows: unknown[][], finish: (last: RawStatement[]) => void) => Promise<T>) | null,
    durable = true,
  ): Promise<T | unknown[][]> {
    if (!ORG_ID_PATTERN.test(orgId)) throw new Error(`invalid organization id ${JSON.stringify(orgId)}`);
    return keys.withOrgKeys(orgId, () => scopedTransaction(orgId, first, fn, durable));
  }

  async function scopedTransaction<T>(
    orgId: string,
    first: RawStatement[],
    fn: ((tx: Db, firstRows: unknown[][], finish: (last: RawStatement[]) => void) => Promise<T>) | null,
    durable: boolean,
  ): Promise<T | unknown[][]> {
    const client = await pool.connect();
    let handle = handles.get(client);
    if (!handle) {
      handle = drizzlePg(client, { schema }) as unknown as Db;
      handles.set(client, handle);
    }
    const results = (r: pg.QueryResult | pg.QueryResult[]) => (Array.isArray(r) ? r : [r]);
    let broken: Error | undefined;
    try {
      const executes: string[] = [];
      for (const statement of first) executes.push(await executeScoped(client, statement));
      try {
        const begin = [`BEGIN; ${tenantScope(orgId)}`, ...executes];
        if (!fn) {
          // An error skips the rest of the string, COMMIT included: the catch below rolls back.
          const commit = durable ? 'COMMIT' : 'SET LOCAL synchronous_commit TO off; COMMIT';
          const all = results(await client.query([...begin, commit].join('; ')));
          if (all.at(-1)?.command === 'ROLLBACK')
            throw new Error('the transaction failed and was rolled back');
          return all.slice(2, 2 + first.length).map((r) => r.rows);
        }
        const firstRows = results(await client.query(begin.join('; ')))
          .slice(2)
          .map((r) => r.rows);
        let last: RawStatement[] = [];
        const result = await fn(handle, firstRows, (statements) => {
          last = statements;
        });
        const finals: string[] = [];
        for (const statement of last) finals.push(await executeScoped(client, statement));
        const committed = results(await client.query([...finals, 'COMMIT'].join('; ')));
        if (committed.at(-1)?.command === 'ROLLBACK') {
          throw new Error('the transaction failed and was rolled back');
        }
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      }
    } finally {
      client.release(broken);
    }
  }

  return {
    kind: 'postgres',
    ...systemAccess(db),
    ...keys,
    // BEGIN and the tenant scope travel in one round trip: the hot path of every request.
    withOrg: (orgId, fn) => transaction(orgId, [], (tx) => fn(tx)),
    withOrgStarting: (orgId, first, fn) => transaction(orgId, first, fn),
    runScopedAll: (orgId, statements, options) =>
      transaction(orgId, statements, null, options?.durable ?? true),
    runScoped: async <T>(orgId: string, statement: RawStatement, options?: { durable?: boolean }) =>
      ((await transaction(orgId, [statement], null, options?.durable ?? true))[0] ?? []) as T[],
    async openCopy(tx, table, columns) {
      const client = rawClient(tx) as pg.PoolClient;
      const role = await enterOwner(tx);
      const stream = client.query(copyFrom(copyStatement(table, columns, 'STDIN')));
      const done = new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
      });
      done.catch(() => {
        // Observed by write and end; never left unhandled.
      });
      let failure: unknown;
      stream.on('error', (error) => {
        failure = error;
      });
      return {
        async write(text) {
          if (failure) throw failure;
          if (!stream.write(text)) {
            await Promise.race([once(stream, 'drain'), done]);
          }
        },
        async end() {
          stream.end();
          await done;
          await leaveOwner(tx, role);
        },
      };
    },
    async migrate() {
      // Serialize concurrent migrators (several servers starting at once) on an advisory lock.
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock(7262716)');
        await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await client.query('SELECT pg_advisory_unlock(7262716)').catch(() => {});
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Resolves the database options from the configuration's data directory and URL. */
export function databaseOptions(config: { databaseUrl: string | null; dataDir: string }): DatabaseOptions {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', dataDir: join(config.dataDir, 'pglite') };
}
