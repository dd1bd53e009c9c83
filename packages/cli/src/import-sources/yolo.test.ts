import { describe, expect, it } from 'vitest';
import { yamlNames } from './yolo.ts';

describe('yamlNames', () => {
  it('reads a flow list, a block list and an id map', () => {
    expect(yamlNames('train: x\nnames: ["car", \'bus, red\', person]\n')).toEqual([
      'car',
      'bus, red',
      'person',
    ]);
    expect(yamlNames('names:\n  - car\n  - "bus"\nnc: 2\n')).toEqual(['car', 'bus']);
    expect(yamlNames('names:\n  1: bus\n  0: car\n')).toEqual(['car', 'bus']);
    expect(yamlNames('names: {0: car, 1: bus}\n')).toEqual(['car', 'bus']);
  });

  it('is undefined without names, and fills ids left out with empty names', () => {
    expect(yamlNames('train: images\nnc: 2\n')).toBeUndefined();
    expect(yamlNames('names: {0: car, 2: bus}')).toEqual(['car', '', 'bus']);
  });
});
