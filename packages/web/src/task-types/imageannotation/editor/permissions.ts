/**
 * What the labeler may do to each annotation: the `can_*_base_*` params and `locked` pre-labels bind
 * pre-labels (the server rejects answers that break them), and the labeler's own lock guards against slips.
 */
import type { ImageannotationParams } from '@groundwork/domain';
import type { AnnotationRecord } from '../draft.ts';
import { utilFor } from './geometry/index.ts';

/** Whether the record is locked, by the labeler or as a `locked` pre-label (not selectable on the canvas). */
export function isLocked(record: AnnotationRecord): boolean {
  return record.locked === true || record.baseLocked === true;
}

/** Whether its geometry may be moved, resized, rotated or have vertices changed. */
export function canEditGeometry(params: ImageannotationParams, record: AnnotationRecord): boolean {
  if (isLocked(record) || !utilFor(record.annotation).editable) return false;
  return !record.base || params.can_edit_base_annotations;
}

/** Whether its label may change. */
export function canEditLabel(params: ImageannotationParams, record: AnnotationRecord): boolean {
  if (isLocked(record)) return false;
  return !record.base || params.can_edit_base_annotation_labels;
}

/** Whether its attributes may change. */
export function canEditAttributes(_params: ImageannotationParams, record: AnnotationRecord): boolean {
  return !isLocked(record);
}

/** Whether it may be deleted. */
export function canDelete(params: ImageannotationParams, record: AnnotationRecord): boolean {
  if (isLocked(record)) return false;
  return !record.base || params.can_delete_base_annotations;
}

/** Whether the labeler may lock or unlock it (a `locked` pre-label stays locked). */
export function canToggleLock(record: AnnotationRecord): boolean {
  return record.baseLocked !== true;
}

/** Whether new annotations may be drawn (`can_add_base_annotations`). */
export function canAdd(params: ImageannotationParams): boolean {
  return params.can_add_base_annotations;
}
