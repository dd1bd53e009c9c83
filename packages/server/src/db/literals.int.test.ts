import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, rawQuery, withLiterals } from './database.ts';

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ kind: 'pglite', dataDir: null });
});
afterAll(() => db.close());

const statement = (values: unknown[]) => ({
  name: 'literal_round_trip',
  text: 'SELECT $1::text AS s, $2::jsonb AS j, $3::text[] AS a, $4::timestamptz AS d, $5::boolean AS b, $6::integer AS n',
  values,
});

describe('values written as literals', () => {
  it('read back unchanged, whatever the characters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary' }).map((s) => s.replaceAll('\u0000', '')),
        fc.jsonValue().map((v) => JSON.stringify(v)),
        fc.array(
          fc.string().map((s) => s.replaceAll('\u0000', '')),
          { maxLength: 4 },
        ),
        fc.date({ min: new Date('1970-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
        fc.boolean(),
        fc.integer(),
        async (s, j, a, d, b, n) => {
          const [row] = await db.withSystem((tx) =>
            rawQuery<{ s: string; j: unknown; a: string[]; d: Date; b: boolean; n: number }>(
              tx,
              statement([s, j, a, d, b, n]),
            ),
          );
          expect(row?.s).toBe(s);
          expect(row?.j).toEqual(JSON.parse(j));
          expect(row?.a).toEqual(a);
          expect(new Date(row?.d as Date).getTime()).toBe(d.getTime());
          expect(row?.b).toBe(b);
          expect(row?.n).toBe(n);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('cannot be broken out of by quotes and backslashes', () => {
    const text = withLiterals({ name: 't', text: 'SELECT $1', values: ["x'); DROP TABLE tasks; --\\"] });
    expect(text).toBe("SELECT  E'x''); DROP TABLE tasks; --\\\\'");
  });

  it('refuses values it cannot write', () => {
    expect(() => withLiterals({ name: 't', text: 'SELECT $1', values: [Number.NaN] })).toThrow();
    expect(() => withLiterals({ name: 't', text: 'SELECT $2', values: [1] })).toThrow();
    expect(() => withLiterals({ name: 't', text: 'SELECT $1', values: [{}] })).toThrow();
  });
});
