import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImageAnnotation } from '../task-types/imageannotation/response.ts';
import { escapeXml, parseVoc, vocXml } from './voc.ts';

const box = (label: string, left: number, top: number, width: number, height: number, extra = {}) =>
  ({ type: 'box', label, left, top, width, height, ...extra }) as ImageAnnotation;
const image = { fileName: 'street.jpg', width: 100, height: 50 };

const doc = (objects: string, extra = '') =>
  `<annotation><filename>a.jpg</filename>${extra}${objects}</annotation>`;
const object = (inner: string) => `<object>${inner}</object>`;
const bndbox = (xmin: string, ymin: string, xmax: string, ymax: string) =>
  `<bndbox><xmin>${xmin}</xmin><ymin>${ymin}</ymin><xmax>${xmax}</xmax><ymax>${ymax}</ymax></bndbox>`;

describe('vocXml', () => {
  it('writes 1-based inclusive pixel coordinates', () => {
    const xml = vocXml(image, { annotations: [box('car', 10, 5, 20, 10)] });
    // Columns 10…29 (0-based) are 11…30 (1-based); rows 5…14 are 6…15.
    expect(xml).toContain(
      '<bndbox>\n      <xmin>11</xmin>\n      <ymin>6</ymin>\n      <xmax>30</xmax>\n      <ymax>15</ymax>\n    </bndbox>',
    );
    expect(xml).toContain('<name>car</name>');
    expect(xml).toContain('<difficult>0</difficult>');
    expect(xml).toContain('<truncated>0</truncated>');
    expect(xml).toContain(
      '<size>\n    <width>100</width>\n    <height>50</height>\n    <depth>3</depth>\n  </size>',
    );
    expect(xml).not.toContain('<uuid>');
    expect(xml).not.toContain('<attributes');
  });

  it('writes the depth given, uuid and typed attributes', () => {
    const xml = vocXml(
      { ...image, depth: 1 },
      {
        annotations: [
          box('car', 0, 0, 1, 1, {
            uuid: 'u1',
            attributes: { speed: 10, moving: true, kind: ['x', 'y'], note: '7' },
          }),
        ],
        global_attributes: { night: 'no' },
      },
    );
    expect(xml).toContain('<depth>1</depth>');
    expect(xml).toContain('<uuid>u1</uuid>');
    expect(xml).toContain('<attribute><name>speed</name><type>number</type><value>10</value></attribute>');
    expect(xml).toContain(
      '<attribute><name>moving</name><type>boolean</type><value>true</value></attribute>',
    );
    expect(xml).toContain(
      '<attribute><name>kind</name><type>list</type><value>x</value><value>y</value></attribute>',
    );
    expect(xml).toContain('<attribute><name>note</name><type>string</type><value>7</value></attribute>');
    expect(xml).toContain('  <attributes>\n    <attribute><name>night</name>');
  });

  it('escapes text', () => {
    expect(escapeXml(`a<b>&"c'\r\u0001`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;&#13;\uFFFD');
    const xml = vocXml(
      { ...image, fileName: 'x&y.jpg' },
      { annotations: [box('<car & "bus">', 0, 0, 1, 1)] },
    );
    expect(xml).toContain('<filename>x&amp;y.jpg</filename>');
    expect(xml).toContain('<name>&lt;car &amp; &quot;bus&quot;&gt;</name>');
  });

  it('omits non-box geometries and writes rotated boxes as their envelope', () => {
    const xml = vocXml(image, {
      annotations: [
        { type: 'point', label: 'hand', x: 1, y: 1 },
        box('car', 10, 10, 10, 10, {
          rotation: 0.5,
          vertices: [
            { x: 15, y: 8 },
            { x: 22, y: 15 },
            { x: 15, y: 22 },
            { x: 8, y: 15 },
          ],
        }),
      ],
    });
    expect(xml.match(/<object>/g)).toHaveLength(1);
    expect(xml).toContain('<xmin>9</xmin>');
    expect(xml).toContain('<xmax>22</xmax>');
  });
});

describe('parseVoc', () => {
  it('reads 1-based coordinates back to left/top/width/height', () => {
    const {
      response,
      problems,
      image: read,
    } = parseVoc(
      `<?xml version="1.0"?>\n<!-- exported --><annotation><filename>a.jpg</filename><size><width>100</width><height>50</height><depth>3</depth></size>${object(`<name>car</name><difficult>1</difficult>${bndbox('11', '6', '30', '15')}`)}</annotation>`,
    );
    expect(problems).toEqual([]);
    expect(read).toEqual({ fileName: 'a.jpg', width: 100, height: 50, depth: 3 });
    expect(response).toEqual({ annotations: [box('car', 10, 5, 20, 10)] });
  });

  it('reads a one-pixel box (xmin = xmax) as width 1 and a zero-width box (xmax = xmin − 1) as width 0', () => {
    const { response } = parseVoc(
      doc(
        object(`<name>a</name>${bndbox('5', '5', '5', '5')}`) +
          object(`<name>b</name>${bndbox('5', '5', '4', '4')}`),
      ),
    );
    expect(response.annotations).toEqual([box('a', 4, 4, 1, 1), box('b', 4, 4, 0, 0)]);
  });

  it('decodes entities, character references and CDATA; ignores element attributes', () => {
    const { response, problems } = parseVoc(
      doc(
        object(
          `<name lang="en">&lt;car&gt; &amp; &#66;&#x55;S<![CDATA[ <raw> ]]></name>${bndbox('1', '1', '2', '2')}`,
        ),
      ),
    );
    expect(problems).toEqual([]);
    expect(response.annotations[0]?.label).toBe('<car> & BUS <raw>');
  });

  it('reports malformed objects by element path and keeps the good ones', () => {
    const { response, problems } = parseVoc(
      doc(
        [
          object(`<name>ok</name>${bndbox('1', '1', '2', '2')}`),
          object(bndbox('1', '1', '2', '2')),
          object('<name>a</name>'),
          object(`<name>a</name>${bndbox('1', 'x', '2', '2')}`),
          object(`<name>a</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax></bndbox>`),
          object(`<name>a</name>${bndbox('10', '1', '8', '2')}`),
        ].join(''),
      ),
    );
    expect(response.annotations.map((a) => a.label)).toEqual(['ok']);
    expect(problems).toEqual([
      { path: 'object.1.name', message: 'is required' },
      { path: 'object.2.bndbox', message: 'is required' },
      { path: 'object.3.bndbox.ymin', message: '"x" is not a number' },
      { path: 'object.4.bndbox.ymax', message: 'is required' },
      { path: 'object.5.bndbox.xmax', message: 'must be ≥ xmin − 1' },
    ]);
  });

  it('reads an attribute named __proto__ as an attribute, never as the prototype', () => {
    const xml = vocXml({ fileName: 'a.jpg', width: 10, height: 10 }, {
      annotations: [
        {
          type: 'box',
          label: 'car',
          left: 1,
          top: 1,
          width: 2,
          height: 2,
          attributes: JSON.parse('{"__proto__": "x"}'),
        },
      ],
    } as never);
    const parsed = parseVoc(xml);
    const attributes = (parsed.response.annotations[0] as { attributes: object }).attributes;
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(Object.hasOwn(attributes, '__proto__')).toBe(true);
    expect(JSON.stringify(attributes)).toBe('{"__proto__":"x"}');
  });

  it('reports bad attributes by path and drops only the attribute', () => {
    const attribute = (inner: string) => `<attribute>${inner}</attribute>`;
    const { response, problems } = parseVoc(
      doc(
        object(
          `<name>car</name>${bndbox('1', '1', '2', '2')}<attributes>${[
            attribute('<name>plain</name><value>cvat style</value>'),
            attribute('<name>n</name><type>number</type><value>ten</value>'),
            attribute('<name>b</name><type>boolean</type><value>yes</value>'),
            attribute('<type>string</type><value>x</value>'),
            attribute('<name>plain</name><value>again</value>'),
            attribute('<name>t</name><type>date</type><value>x</value>'),
            attribute('<name>s</name><value>a</value><value>b</value>'),
            attribute('<name>empty</name><type>list</type>'),
          ].join('')}</attributes>`,
        ),
      ),
    );
    expect(response.annotations[0]?.attributes).toEqual({ plain: 'cvat style', empty: [] });
    expect(problems.map((p) => p.path)).toEqual([
      'object.0.attributes.attribute.1.value',
      'object.0.attributes.attribute.2.value',
      'object.0.attributes.attribute.3.name',
      'object.0.attributes.attribute.4.name',
      'object.0.attributes.attribute.5.type',
      'object.0.attributes.attribute.6.value',
    ]);
  });

  it('reports a malformed size', () => {
    const { image: read, problems } = parseVoc(doc('', '<size><width>-3</width><height>50</height></size>'));
    expect(read).toEqual({ fileName: 'a.jpg', height: 50 });
    expect(problems).toEqual([{ path: 'size.width', message: 'expected a positive number, got "-3"' }]);
  });

  it.each([
    ['', 'malformed XML: no root element'],
    ['<annotation><object></annotation>', 'malformed XML: </annotation> closes <object>'],
    ['<annotation>', 'malformed XML: <annotation> is not closed'],
    ['<annotation><name>a & b</name></annotation>', 'malformed XML: unknown or unterminated entity "&"'],
    ['<annotation></annotation><annotation/>', 'malformed XML: second root element <annotation>'],
    ['<annotation><name a="1></annotation>', 'malformed XML: unterminated start tag <name'],
    ['<voc></voc>', 'expected <annotation>, got <voc>'],
  ])('reports %j at the root path', (xml, message) => {
    expect(parseVoc(xml)).toEqual({
      response: { annotations: [] },
      image: {},
      problems: [{ path: '', message }],
    });
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseVoc(`<annotation>${text}</annotation>`);
        expect(Array.isArray(result.problems)).toBe(true);
      }),
    );
  });
});

/** Whether XML 1.0 can carry the character (tab, LF and CR are the only control characters it allows). */
const xmlCharacter = (c: string) => {
  const code = c.codePointAt(0) ?? 0;
  return code >= 0x20 ? code !== 0xfffe && code !== 0xffff : code === 0x09 || code === 0x0a || code === 0x0d;
};
const text = fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => [...s].every(xmlCharacter));
const attributeValue = fc.oneof(
  text,
  // Stored answers are JSON, which has no negative zero: −0 never reaches an export.
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
  fc.integer(),
  fc.boolean(),
  fc.array(text, { maxLength: 3 }),
);
const attributes = fc.dictionary(
  text.filter((s) => s !== ''),
  attributeValue,
  { maxKeys: 4 },
);
const vocBox = fc
  .record(
    {
      label: text.filter((s) => s.trim() !== '' && s.trim() === s),
      uuid: text.filter((s) => s !== ''),
      attributes,
      left: fc.integer({ min: -50, max: 4000 }),
      top: fc.integer({ min: -50, max: 4000 }),
      width: fc.integer({ min: 0, max: 4000 }),
      height: fc.integer({ min: 0, max: 4000 }),
    },
    { requiredKeys: ['label', 'left', 'top', 'width', 'height'] },
  )
  .map((fields) => ({ type: 'box', ...fields }) as ImageAnnotation);

describe('VOC round trip', () => {
  it('reproduces integer-pixel box answers exactly, with uuids and typed attributes', () => {
    fc.assert(
      fc.property(
        fc.array(vocBox, { maxLength: 5 }),
        fc.option(attributes, { nil: undefined }),
        text,
        (annotations, globals, fileName) => {
          const response = { annotations, ...(globals ? { global_attributes: globals } : {}) };
          const parsed = parseVoc(vocXml({ ...image, fileName }, response));
          expect(parsed.problems).toEqual([]);
          expect(parsed.image).toEqual({ ...image, fileName, depth: 3 });
          expect(parsed.response).toEqual(response);
        },
      ),
    );
  });
});
