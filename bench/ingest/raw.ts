/**
 * The baselines: the same task rows written straight into the `tasks` table of a freshly migrated
 * database as its owner (no HTTP, no validation, no row-level security), (a) as single-row INSERTs from
 * concurrent workers and (b) as one COPY.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { runConcurrently } from '../lib/workers.ts';
import { TASK_COLUMNS, type TaskRowValues } from './tasks.ts';

/** A direct connection to one benchmark database. */
export interface RawTarget {
  /** Inserts every row with its own autocommitted INSERT, `concurrency` at a time. */
  insertEach(rows: readonly TaskRowValues[], concurrency: number): Promise<void>;
  /** Loads COPY text in one COPY statement. */
  copy(text: string): Promise<void>;
  /** Empties the tasks table. */
  truncate(): Promise<void>;
  /** Rows in the tasks table. */
  count(): Promise<number>;
  close(): Promise<void>;
}

const INSERT = `INSERT INTO tasks (${TASK_COLUMNS.join(', ')}) VALUES (${TASK_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;
const COPY = `COPY tasks (${TASK_COLUMNS.join(', ')}) FROM`;
const COPY_CHUNK = 1 << 20;

/** A pool of `connections` PostgreSQL connections, all opened before anything is measured. */
export async function openRawPostgres(url: string, connections: number): Promise<RawTarget> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  pool.on('error', () => {
    // An idle connection ended by the database being dropped; nothing uses it any more.
  });
  const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
  for (const client of clients) client.release();
  const count = async () =>
    Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM tasks')).rows[0]?.n);
  return {
    async insertEach(rows, concurrency) {
      await runConcurrently(rows.length, concurrency, async (i) => {
        await pool.query(INSERT, rows[i]);
      });
    },
    async copy(text) {
      const client = await pool.connect();
      try {
        const stream = client.query(copyFrom(`${COPY} STDIN`));
        await new Promise<void>((resolve, reject) => {
          stream.on('finish', resolve);
          stream.on('error', reject);
          let offset = 0;
          const write = () => {
            while (offset < text.length) {
              const chunk = text.slice(offset, offset + COPY_CHUNK);
              offset += COPY_CHUNK;
              if (!stream.write(chunk)) return void stream.once('drain', write);
            }
            stream.end();
          };
          write();
        });
      } finally {
        client.release();
      }
    },
    async truncate() {
      await pool.query('TRUNCATE tasks');
    },
    count,
    close: () => pool.end(),
  };
}

/** One embedded PGlite instance over `dataDir`; its statements run one at a time whatever the workers. */
export async function openRawPglite(dataDir: string): Promise<RawTarget> {
  const db = await PGlite.create(dataDir);
  return {
    async insertEach(rows, concurrency) {
      await runConcurrently(rows.length, concurrency, async (i) => {
        await db.query(INSERT, rows[i]);
      });
    },
    async copy(text) {
      await db.query(`${COPY} '/dev/blob'`, [], { blob: new Blob([text]) });
    },
    async truncate() {
      await db.query('TRUNCATE tasks');
    },
    async count() {
      return Number((await db.query<{ n: string | number }>('SELECT count(*) AS n FROM tasks')).rows[0]?.n);
    },
    close: () => db.close(),
  };
}
