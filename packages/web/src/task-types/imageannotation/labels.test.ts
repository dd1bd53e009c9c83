import { describe, expect, it } from 'vitest';
import { parseTestParams } from './editor/test-editor.ts';
import {
  isKnownLabel,
  LABEL_PALETTE,
  labelColors,
  labelDisplay,
  optionsAt,
  pathDisplay,
  UNKNOWN_LABEL_COLOR,
} from './labels.ts';
import { ALL_GEOMETRIES } from './test-params.ts';

const params = parseTestParams(ALL_GEOMETRIES);
const boxLabels = params.geometries.box?.objects_to_annotate ?? [];

describe('labels', () => {
  it('lists the options at a level of the tree, groups marked, display names shown', () => {
    expect(optionsAt(boxLabels, [])).toEqual([
      { choice: 'vehicle', display: 'Vehicle', group: true },
      { choice: 'person', display: 'person', group: false },
    ]);
    expect(optionsAt(boxLabels, ['vehicle'])).toEqual([
      { choice: 'car', display: 'car', group: false },
      { choice: 'truck', display: 'Truck', group: false },
    ]);
    expect(optionsAt(boxLabels, ['nope'])).toEqual(optionsAt(boxLabels, []));
    expect(pathDisplay(boxLabels, ['vehicle'])).toEqual(['Vehicle']);
  });

  it('shows display names for leaves and the label itself when unknown', () => {
    expect(labelDisplay(boxLabels, 'truck')).toBe('Truck');
    expect(labelDisplay(boxLabels, 'car')).toBe('car');
    expect(labelDisplay(boxLabels, 'bicycle')).toBe('bicycle');
  });

  it('knows leaf labels per geometry (a group is not a label)', () => {
    expect(isKnownLabel(params, 'box', 'truck')).toBe(true);
    expect(isKnownLabel(params, 'box', 'vehicle')).toBe(false);
    expect(isKnownLabel(params, 'polygon', 'truck')).toBe(false);
  });

  it('gives each label a stable colour and unknown labels grey', () => {
    const color = labelColors(params);
    expect(color('car')).toBe(LABEL_PALETTE[0]);
    expect(color('truck')).toBe(LABEL_PALETTE[1]);
    expect(color('road')).toBe(LABEL_PALETTE[3]);
    expect(color('bicycle')).toBe(UNKNOWN_LABEL_COLOR);
  });
});
