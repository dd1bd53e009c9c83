/**
 * Values from the JSON Schemas of the OpenAPI document: the smallest value a schema accepts (with
 * named fields filled by the caller, e.g. `project` with the victim's project), and fast-check
 * arbitraries that mostly follow a schema's shape and often break it with hostile values.
 */
import fc from 'fast-check';

/** A JSON Schema node of the OpenAPI document, walked as plain JSON. */
// biome-ignore lint/suspicious/noExplicitAny: schemas are walked as plain JSON.
export type JsonSchema = Record<string, any>;

/** The JSON types a schema node allows, `null` last. */
function typesOf(schema: JsonSchema): string[] {
  const type = schema.type;
  if (Array.isArray(type)) return [...type.filter((t) => t !== 'null'), ...type.filter((t) => t === 'null')];
  if (typeof type === 'string') return [type];
  if (schema.properties) return ['object'];
  if (schema.items) return ['array'];
  return [];
}

/** The non-null branch of an `anyOf`/`oneOf` (zod's nullable and unions), or the node itself. */
function firstBranch(schema: JsonSchema): JsonSchema {
  const branches: JsonSchema[] | undefined = schema.anyOf ?? schema.oneOf;
  if (!branches) return schema;
  return branches.find((b) => b.type !== 'null') ?? branches[0] ?? {};
}

/**
 * The smallest value `schema` accepts: required properties only, the first enum value, the lowest
 * number, a short string. `field(name)` may supply the value of a string field by its name (it returns
 * undefined to let the schema decide).
 */
export function minimalValue(
  schema: JsonSchema,
  field: (name: string) => unknown,
  unique: string,
  name = '',
): unknown {
  const node = firstBranch(schema);
  if (node.const !== undefined) return node.const;
  if (Array.isArray(node.enum) && node.enum.length > 0) return node.enum[0];
  const type = typesOf(node)[0];
  if (type === 'object' || (type === undefined && node.properties)) {
    const out: Record<string, unknown> = {};
    for (const key of (node.required as string[] | undefined) ?? []) {
      out[key] = minimalValue(node.properties?.[key] ?? {}, field, unique, key);
    }
    return out;
  }
  if (type === 'array') {
    const count = (node.minItems as number | undefined) ?? 0;
    return Array.from({ length: count }, () => minimalValue(node.items ?? {}, field, unique, name));
  }
  if (type === 'integer' || type === 'number') {
    if (typeof node.minimum === 'number') return node.minimum;
    if (typeof node.exclusiveMinimum === 'number') return node.exclusiveMinimum + 1;
    return 1;
  }
  if (type === 'boolean') return false;
  if (type === 'null') return null;
  const supplied = field(name);
  if (supplied !== undefined) return supplied;
  if (type === 'string') {
    const text = /email/i.test(name) ? `${unique}@example.test` : `b-${unique}`;
    const max = typeof node.maxLength === 'number' ? node.maxLength : text.length;
    const min = typeof node.minLength === 'number' ? node.minLength : 0;
    return text.slice(0, Math.max(min, Math.min(max, text.length))).padEnd(min, 'x');
  }
  return {};
}

/** Hostile values: wrong types, huge and strange strings, odd numbers, deep nesting. */
export function hostileValue(otherOrgIds: readonly string[]): fc.Arbitrary<unknown> {
  const deep = (depth: number): unknown => {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { a: value } : [value];
    return value;
  };
  return fc.oneof(
    hostileString(otherOrgIds),
    fc.constantFrom<unknown>(
      null,
      true,
      false,
      0,
      -1,
      -0,
      1e308,
      -1e308,
      2 ** 53,
      -(2 ** 63),
      2 ** 31,
      0.5,
      [],
      {},
      [null],
      JSON.parse('{"__proto__": {"polluted": true}}'),
      { constructor: { prototype: { polluted: true } } },
    ),
    fc.integer({ min: 2, max: 200 }).map(deep),
    fc.double({ noNaN: true }),
    fc.integer(),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  );
}

/** Hostile strings: NUL, traversal, unicode, SQL and markup, the victim's ids, very long text. */
export function hostileString(otherOrgIds: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      'a\u0000b',
      '../../../../etc/passwd',
      '..\\..\\windows\\win.ini',
      '/etc/passwd',
      '%2e%2e%2f%2e%2e%2f',
      "' OR 1=1 --",
      "'; DROP TABLE tasks; --",
      '<script>alert(1)</script>',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection payload, meant literally.
      '${jndi:ldap://x}',
      '{{7*7}}',
      '\u202eevil',
      '\ud83d\ude00',
      '\ud800',
      '\uffff',
      'e\u0301',
      'NaN',
      'Infinity',
      '-1',
      '1e309',
      'true',
      'null',
      '__proto__',
      'constructor',
      '0x7fffffff',
      '2026-13-45T25:61:61Z',
      'http://127.0.0.1:1/x',
      'file:///etc/passwd',
      'groundwork://files/..%2f..%2f',
    ),
    fc.constantFrom(...otherOrgIds),
    fc.constantFrom(...otherOrgIds).map((id) => `groundwork://files/${id}`),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.integer({ min: 1_000, max: 70_000 }).map((n) => 'x'.repeat(n)),
  );
}

/**
 * Values shaped by `schema` (objects with its properties, each maybe missing, strings within the
 * enum, numbers near the bounds), with a hostile value in place of any node now and then.
 */
export function schemaArbitrary(
  schema: JsonSchema,
  otherOrgIds: readonly string[],
  depth = 0,
): fc.Arbitrary<unknown> {
  const hostile = hostileValue(otherOrgIds);
  const node = firstBranch(schema);
  const shaped = shapedArbitrary(node, otherOrgIds, depth);
  return fc.oneof({ arbitrary: shaped, weight: 4 }, { arbitrary: hostile, weight: 1 });
}

function shapedArbitrary(
  node: JsonSchema,
  otherOrgIds: readonly string[],
  depth: number,
): fc.Arbitrary<unknown> {
  if (node.const !== undefined) return fc.constant(node.const);
  if (Array.isArray(node.enum) && node.enum.length > 0) return fc.constantFrom(...(node.enum as unknown[]));
  const type = typesOf(node)[0];
  if (depth > 4) return fc.constant(null);
  if (type === 'object') {
    const properties = (node.properties ?? {}) as Record<string, JsonSchema>;
    const keys = Object.keys(properties);
    if (keys.length === 0) {
      return fc.dictionary(fc.string({ maxLength: 8 }), hostileValue(otherOrgIds), { maxKeys: 3 });
    }
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const key of keys) model[key] = schemaArbitrary(properties[key] ?? {}, otherOrgIds, depth + 1);
    return fc.record(model, { requiredKeys: (node.required as string[] | undefined) ?? [] });
  }
  if (type === 'array') {
    return fc.array(schemaArbitrary(node.items ?? {}, otherOrgIds, depth + 1), { maxLength: 4 });
  }
  if (type === 'integer' || type === 'number') {
    const edges = [node.minimum, node.maximum, 0, -1, 1]
      .filter((n): n is number => typeof n === 'number')
      .flatMap((n) => [n, n - 1, n + 1]);
    return fc.oneof(
      fc.constantFrom(...edges),
      type === 'integer' ? fc.integer() : fc.double({ noNaN: true }),
    );
  }
  if (type === 'boolean') return fc.boolean();
  if (type === 'null') return fc.constant(null);
  return fc.oneof(fc.string({ maxLength: 20 }), hostileString(otherOrgIds));
}
