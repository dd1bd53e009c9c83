import { describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../draft.ts';
import { groupScene, type SceneStyle } from './painter.ts';

const record = (id: string, label: string, extra: Partial<AnnotationRecord> = {}): AnnotationRecord => ({
  id,
  annotation: { type: 'point', label, x: 0, y: 0 },
  ...extra,
});

const style: SceneStyle = {
  colorOf: (r) => (r.annotation.label === 'a' ? 'red' : 'blue'),
  dashedOf: (r) => r.locked === true,
  labelOf: () => null,
};

describe('groupScene', () => {
  it('groups visible, unselected annotations by colour and dash, keeping drawing order', () => {
    const records = [
      record('1', 'a'),
      record('2', 'b'),
      record('3', 'a', { locked: true }),
      record('4', 'a'),
      record('5', 'a', { hidden: true }),
      record('6', 'b'),
    ];
    const groups = groupScene(records, new Set(['6']), style);
    expect(groups.map((g) => [g.color, g.dashed, g.records.map((r) => r.id)])).toEqual([
      ['red', false, ['1', '4']],
      ['blue', false, ['2']],
      ['red', true, ['3']],
    ]);
  });

  it('puts annotations of another outline width in a group of their own, width 1 by default', () => {
    const records = [record('1', 'a'), record('2', 'a', { locked: true }), record('3', 'a')];
    const thick: SceneStyle = { ...style, dashedOf: () => false, widthOf: (r) => (r.id === '2' ? 2 : 1) };
    expect(groupScene(records, new Set(), thick).map((g) => [g.width, g.records.map((r) => r.id)])).toEqual([
      [1, ['1', '3']],
      [2, ['2']],
    ]);
    expect(groupScene(records, new Set(), style).map((g) => g.width)).toEqual([1, 1]);
  });
});
