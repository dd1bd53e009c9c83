import { describe, expect, it } from 'vitest';
import { applicableAttributes, appliedAttributes, globalAttributes, isBlank } from './attribute-rules.ts';
import { parseTestParams } from './editor/test-editor.ts';
import { ALL_GEOMETRIES } from './test-params.ts';

const definitions = parseTestParams(ALL_GEOMETRIES).annotation_attributes;
const names = (list: [string, unknown][]) => list.map(([name]) => name);

describe('attribute rules', () => {
  it('asks attributes by label condition', () => {
    expect(names(applicableAttributes(definitions, { type: 'box', label: 'person' }))).toEqual(['occluded']);
    expect(names(applicableAttributes(definitions, { type: 'box', label: 'car' }))).toEqual([
      'occluded',
      'color',
      'passengers',
      'heading',
    ]);
    expect(names(applicableAttributes(definitions, { type: 'box', label: 'truck' }))).toEqual([
      'occluded',
      'color',
    ]);
  });

  it('asks attributes by attribute condition', () => {
    const subject = (occluded: string) => ({ type: 'line', label: 'lane', attributes: { occluded } });
    expect(names(applicableAttributes(definitions, subject('no')))).toEqual(['occluded']);
    expect(names(applicableAttributes(definitions, subject('partly')))).toEqual([
      'occluded',
      'occlusion_note',
    ]);
  });

  it('keeps only values that apply, dropping blanks and unknown names', () => {
    expect(
      appliedAttributes(definitions, {
        type: 'box',
        label: 'person',
        attributes: {
          occluded: 'no',
          occlusion_note: 'x',
          passengers: 3,
          color: [],
          mystery: 1,
          weather: 'sun',
        },
      }),
    ).toEqual({ occluded: 'no' });
    expect(isBlank('')).toBe(true);
    expect(isBlank([])).toBe(true);
    expect(isBlank(0)).toBe(false);
  });

  it('lists global attributes apart', () => {
    expect(names(globalAttributes(definitions))).toEqual(['weather']);
  });
});
