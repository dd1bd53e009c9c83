/**
 * Pascal VOC XML, one file per image, for the boxes of an image annotation answer.
 *
 * Coordinate convention: VOC numbers pixels from 1 and its `bndbox` is inclusive, while Groundwork measures
 * from the image's top-left corner at 0. A box with left L and width W covers the 0-based pixel columns
 * L … L+W−1, i.e. the 1-based columns L+1 … L+W, so it is written `xmin = L + 1`, `xmax = L + W` (likewise
 * y), and read back as `L = xmin − 1`, `W = xmax − xmin + 1`. Integer-pixel boxes round-trip exactly;
 * fractional ones are written as decimals and may differ by floating-point rounding of the ±1.
 *
 * VOC holds only boxes: other geometries and links are not exported, and a rotated box is written as the
 * envelope of its corners. So that a box answer loses nothing, Groundwork adds elements VOC readers ignore:
 * `<uuid>` per object, and `<attributes><attribute><name/><type/><value/></attribute></attributes>` per object
 * and (for global attributes) under `<annotation>`; `type` is `string` (the default when absent), `number`,
 * `boolean` or `list` (one `<value>` per item).
 *
 * The domain package has no XML library dependency, so this module carries a minimal XML reader for this fixed
 * structure: elements, text, entities and character references, CDATA, comments, processing instructions and
 * a DOCTYPE without internal subset. Element attributes are skipped; namespaces are not interpreted.
 * @packageDocumentation
 */
import { type FieldIssue, fieldIssue } from '../issues.ts';
import type { AttributeValue } from '../task-types/imageannotation/attributes.ts';
import type { ImageAnnotation, ImageannotationResponse } from '../task-types/imageannotation/response.ts';
import { boxExtent } from './yolo.ts';

/** The image a VOC file describes (its `<filename>` and `<size>`). */
export interface VocImage {
  /** File name of the image, written to `<filename>`. */
  fileName: string;
  /** Image width in px. */
  width: number;
  /** Image height in px. */
  height: number;
  /** Color channels (default 3). */
  depth?: number;
}

/** What {@link parseVoc} recovered from a VOC file. */
export interface VocParseResult {
  /** The boxes (with uuid and attributes when present) and global attributes. */
  response: ImageannotationResponse;
  /** The image's file name and size, as far as present and well-formed. */
  image: Partial<VocImage>;
  /** Problems addressed by element path, e.g. `object.2.bndbox.xmin`; objects with problems are skipped. */
  problems: FieldIssue[];
}

// Characters XML 1.0 cannot carry at all, not even as character references.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Escapes text for XML element content: `& < > " '` become entities, carriage returns a character reference
 * (so XML line-end normalization keeps them), and characters XML 1.0 forbids become U+FFFD.
 */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

function attributesXml(attributes: Record<string, AttributeValue>, indent: string): string[] {
  const entries = Object.entries(attributes);
  if (entries.length === 0) return [`${indent}<attributes/>`];
  const lines = [`${indent}<attributes>`];
  for (const [name, value] of entries) {
    const kind = Array.isArray(value) ? 'list' : typeof value;
    const values = (Array.isArray(value) ? value : [value]).map(
      (item) => `<value>${escapeXml(String(item))}</value>`,
    );
    lines.push(
      `${indent}  <attribute><name>${escapeXml(name)}</name><type>${kind}</type>${values.join('')}</attribute>`,
    );
  }
  lines.push(`${indent}</attributes>`);
  return lines;
}

/**
 * The Pascal VOC XML of one image: `<filename>`, `<size>` and an `<object>` per box with `<name>`,
 * `<pose>Unspecified`, `<truncated>0`, `<difficult>0` and a 1-based inclusive `<bndbox>` (see the module
 * comment), plus Groundwork's `<uuid>` and `<attributes>` extensions. Non-box annotations are omitted.
 */
export function vocXml(image: VocImage, response: ImageannotationResponse): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<annotation>',
    `  <filename>${escapeXml(image.fileName)}</filename>`,
    '  <size>',
    `    <width>${image.width}</width>`,
    `    <height>${image.height}</height>`,
    `    <depth>${image.depth ?? 3}</depth>`,
    '  </size>',
    '  <segmented>0</segmented>',
  ];
  if (response.global_attributes) lines.push(...attributesXml(response.global_attributes, '  '));
  for (const annotation of response.annotations) {
    if (annotation.type !== 'box') continue;
    const { x1, y1, x2, y2 } = boxExtent(annotation);
    lines.push('  <object>', `    <name>${escapeXml(annotation.label)}</name>`);
    if (annotation.uuid !== undefined) lines.push(`    <uuid>${escapeXml(annotation.uuid)}</uuid>`);
    lines.push(
      '    <pose>Unspecified</pose>',
      '    <truncated>0</truncated>',
      '    <difficult>0</difficult>',
      '    <bndbox>',
      `      <xmin>${x1 + 1}</xmin>`,
      `      <ymin>${y1 + 1}</ymin>`,
      `      <xmax>${x2}</xmax>`,
      `      <ymax>${y2}</ymax>`,
      '    </bndbox>',
    );
    if (annotation.attributes) lines.push(...attributesXml(annotation.attributes, '    '));
    lines.push('  </object>');
  }
  lines.push('</annotation>', '');
  return lines.join('\n');
}

/** An element of the minimal XML tree: its name, child elements and its own text (entities decoded). */
interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string | { error: string } {
  let unknown: string | undefined;
  const decoded = text.replace(/&([^;&\s]*);?/g, (match, body: string) => {
    if (!match.endsWith(';')) unknown ??= match;
    const named = ENTITIES[body];
    if (named !== undefined) return named;
    const code = /^#x[0-9a-fA-F]+$/.test(body)
      ? Number.parseInt(body.slice(2), 16)
      : /^#\d+$/.test(body)
        ? Number(body.slice(1))
        : Number.NaN;
    if (Number.isNaN(code) || code > 0x10ffff) {
      unknown ??= match;
      return match;
    }
    return String.fromCodePoint(code);
  });
  return unknown === undefined ? decoded : { error: `unknown or unterminated entity "${unknown}"` };
}

const NAME = /^[A-Za-z_:][\w.:-]*/;

/** Parses a whole document into its root element, or explains the first syntax error (never throws). */
function parseXml(xml: string): { root: XmlElement } | { error: string } {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  const skipPast = (terminator: string) => {
    const end = xml.indexOf(terminator, i);
    if (end < 0) return false;
    i = end + terminator.length;
    return true;
  };
  while (i < xml.length) {
    const top = stack[stack.length - 1];
    if (xml[i] !== '<') {
      const end = xml.indexOf('<', i);
      const raw = xml.slice(i, end < 0 ? xml.length : end);
      i = end < 0 ? xml.length : end;
      // XML line-end normalization: literal CR LF and CR read as LF (escaped &#13; survives).
      const text = decodeEntities(raw.replace(/\r\n?/g, '\n'));
      if (typeof text !== 'string') return text;
      if (top) top.text += text;
      else if (text.trim() !== '') return { error: 'text outside the root element' };
      continue;
    }
    if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i);
      if (end < 0 || !top) return { error: 'unterminated or misplaced CDATA section' };
      top.text += xml.slice(i + 9, end);
      i = end + 3;
    } else if (xml.startsWith('<!--', i)) {
      if (!skipPast('-->')) return { error: 'unterminated comment' };
    } else if (xml.startsWith('<?', i)) {
      if (!skipPast('?>')) return { error: 'unterminated processing instruction' };
    } else if (xml.startsWith('<!', i)) {
      if (!skipPast('>')) return { error: 'unterminated declaration' };
    } else if (xml.startsWith('</', i)) {
      const end = xml.indexOf('>', i);
      const name = xml.slice(i + 2, end < 0 ? xml.length : end).trim();
      if (end < 0) return { error: `unterminated end tag </${name}` };
      if (!top || top.name !== name) {
        return { error: top ? `</${name}> closes <${top.name}>` : `</${name}> without a start tag` };
      }
      stack.pop();
      i = end + 1;
    } else {
      const name = NAME.exec(xml.slice(i + 1))?.[0];
      if (!name) return { error: `malformed tag at character ${i}` };
      i += 1 + name.length;
      let quote: string | undefined;
      while (i < xml.length && (quote !== undefined || xml[i] !== '>')) {
        const c = xml[i];
        if (quote !== undefined) {
          if (c === quote) quote = undefined;
        } else if (c === '"' || c === "'") quote = c;
        i += 1;
      }
      if (i >= xml.length) return { error: `unterminated start tag <${name}` };
      const selfClosing = xml[i - 1] === '/';
      i += 1;
      const element: XmlElement = { name, children: [], text: '' };
      if (top) top.children.push(element);
      else if (root) return { error: `second root element <${name}>` };
      else root = element;
      if (!selfClosing) stack.push(element);
    }
  }
  const open = stack[stack.length - 1];
  if (open) return { error: `<${open.name}> is not closed` };
  return root ? { root } : { error: 'no root element' };
}

const child = (element: XmlElement, name: string) => element.children.find((c) => c.name === name);
const childrenNamed = (element: XmlElement, name: string) => element.children.filter((c) => c.name === name);

/** A plain decimal number (optionally with exponent); rejects what `Number()` also accepts: hex, `Infinity`. */
const DECIMAL_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Sets an attribute as an own property, whatever its name: `attributes["__proto__"] = …` would change the
 * object's prototype instead (a name in an imported file must never do that).
 */
function setAttribute(attributes: Record<string, AttributeValue>, name: string, value: AttributeValue): void {
  Object.defineProperty(attributes, name, { value, enumerable: true, writable: true, configurable: true });
}

/** Adds one `<attribute>` to `attributes`, or returns which child element is wrong and why. */
function readAttribute(
  element: XmlElement,
  attributes: Record<string, AttributeValue>,
): { field: string; message: string } | undefined {
  const name = child(element, 'name')?.text;
  if (!name) return { field: 'name', message: 'is required' };
  if (Object.hasOwn(attributes, name)) {
    return { field: 'name', message: `attribute "${name}" appears more than once` };
  }
  const kind = child(element, 'type')?.text.trim() ?? 'string';
  const values = childrenNamed(element, 'value').map((v) => v.text);
  if (kind === 'list') {
    setAttribute(attributes, name, values);
    return undefined;
  }
  const [value] = values;
  if (value === undefined || values.length > 1)
    return { field: 'value', message: 'expected exactly one value' };
  if (kind === 'string') setAttribute(attributes, name, value);
  else if (kind === 'number') {
    if (!DECIMAL_NUMBER.test(value.trim())) return { field: 'value', message: `"${value}" is not a number` };
    setAttribute(attributes, name, Number(value));
  } else if (kind === 'boolean') {
    if (value !== 'true' && value !== 'false') return { field: 'value', message: 'expected true or false' };
    setAttribute(attributes, name, value === 'true');
  } else {
    return { field: 'type', message: `unknown type "${kind}" (expected string, number, boolean or list)` };
  }
  return undefined;
}

function parseAttributes(
  container: XmlElement,
  path: readonly PropertyKey[],
  problems: FieldIssue[],
): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  childrenNamed(container, 'attribute').forEach((element, k) => {
    const problem = readAttribute(element, attributes);
    if (problem) problems.push(fieldIssue([...path, 'attribute', k, problem.field], problem.message));
  });
  return attributes;
}

function parseSize(annotation: XmlElement, problems: FieldIssue[]): Partial<VocImage> {
  const image: Partial<VocImage> = {};
  const fileName = child(annotation, 'filename')?.text;
  if (fileName !== undefined) image.fileName = fileName;
  const size = child(annotation, 'size');
  for (const field of ['width', 'height', 'depth'] as const) {
    const text = size && child(size, field)?.text.trim();
    if (text === undefined) continue;
    const value = Number(text);
    if (/^\d+(\.\d+)?$/.test(text) && value > 0) image[field] = value;
    else problems.push(fieldIssue(['size', field], `expected a positive number, got "${text}"`));
  }
  return image;
}

/**
 * Reads a Pascal VOC XML file written by {@link vocXml} or another tool: each `<object>` becomes a box
 * (see the module comment for the 1-based convention), with its `<uuid>` and `<attributes>` when present;
 * `<attributes>` under `<annotation>` become global attributes. `<pose>`, `<truncated>`, `<difficult>` and
 * unknown elements are ignored. Malformed XML yields an empty answer and one problem at the root path `""`;
 * an object with a missing name, a missing or non-numeric coordinate, or `xmax < xmin − 1` (negative width)
 * is reported by path and skipped. Never throws.
 */
export function parseVoc(xml: string): VocParseResult {
  const problems: FieldIssue[] = [];
  const annotations: ImageAnnotation[] = [];
  const response: ImageannotationResponse = { annotations };
  const parsed = parseXml(xml);
  if ('error' in parsed)
    return { response, image: {}, problems: [fieldIssue([], `malformed XML: ${parsed.error}`)] };
  const root = parsed.root;
  if (root.name !== 'annotation') {
    return { response, image: {}, problems: [fieldIssue([], `expected <annotation>, got <${root.name}>`)] };
  }
  const image = parseSize(root, problems);
  const globals = child(root, 'attributes');
  if (globals) response.global_attributes = parseAttributes(globals, ['attributes'], problems);
  childrenNamed(root, 'object').forEach((object, index) => {
    const before = problems.length;
    const at = (...path: PropertyKey[]) => ['object', index, ...path];
    const label = child(object, 'name')?.text.trim();
    if (!label) problems.push(fieldIssue(at('name'), 'is required'));
    const bndbox = child(object, 'bndbox');
    const coordinates: Record<string, number> = {};
    if (!bndbox) problems.push(fieldIssue(at('bndbox'), 'is required'));
    else {
      for (const field of ['xmin', 'ymin', 'xmax', 'ymax']) {
        const text = child(bndbox, field)?.text.trim();
        if (text === undefined) problems.push(fieldIssue(at('bndbox', field), 'is required'));
        else if (!DECIMAL_NUMBER.test(text)) {
          problems.push(fieldIssue(at('bndbox', field), `"${text}" is not a number`));
        } else coordinates[field] = Number(text);
      }
    }
    const { xmin = 0, ymin = 0, xmax = 0, ymax = 0 } = coordinates;
    if (problems.length === before) {
      if (xmax < xmin - 1) problems.push(fieldIssue(at('bndbox', 'xmax'), 'must be ≥ xmin − 1'));
      if (ymax < ymin - 1) problems.push(fieldIssue(at('bndbox', 'ymax'), 'must be ≥ ymin − 1'));
    }
    // A bad attribute is reported and dropped; only a bad name or box drops the whole object.
    if (problems.length > before) return;
    const attributesElement = child(object, 'attributes');
    const attributes = attributesElement && parseAttributes(attributesElement, at('attributes'), problems);
    const uuid = child(object, 'uuid')?.text;
    annotations.push({
      type: 'box',
      label: label ?? '',
      ...(uuid ? { uuid } : {}),
      ...(attributes ? { attributes } : {}),
      left: xmin - 1,
      top: ymin - 1,
      width: xmax - xmin + 1,
      height: ymax - ymin + 1,
    });
  });
  return { response, image, problems };
}
