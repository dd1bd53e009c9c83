import { type FieldIssue, fieldIssue, prefixIssues } from '../../issues.ts';
import { labelProblem, leafLabels } from '../../shared/label-description.ts';
import { annotationAttributeIssues, globalAttributeIssues } from './attributes.ts';
import type { ImageannotationParams } from './params.ts';
import type { BaseAnnotation, ImageAnnotation, ImageannotationResponse } from './response.ts';

type Path = PropertyKey[];

function geometryIssues(params: ImageannotationParams, annotation: ImageAnnotation, at: Path): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { geometries } = params;
  const geometry = geometries[annotation.type];
  if (!geometry) {
    const enabled = Object.keys(geometries).filter((kind) => geometries[kind as ImageAnnotation['type']]);
    return [
      fieldIssue(
        [...at, 'type'],
        `geometry "${annotation.type}" is not enabled; expected ${enabled.join(', ')}`,
      ),
    ];
  }
  const labelError = labelProblem(geometry.objects_to_annotate, annotation.label);
  if (labelError) issues.push(fieldIssue([...at, 'label'], labelError));
  switch (annotation.type) {
    case 'box': {
      const box = geometries.box;
      if (!box) break;
      if (annotation.width < box.min_width) {
        issues.push(fieldIssue([...at, 'width'], `expected at least min_width (${box.min_width} px)`));
      }
      if (annotation.height < box.min_height) {
        issues.push(fieldIssue([...at, 'height'], `expected at least min_height (${box.min_height} px)`));
      }
      if (!box.can_rotate) {
        if (annotation.rotation !== undefined)
          issues.push(fieldIssue([...at, 'rotation'], 'boxes cannot be rotated'));
        if (annotation.vertices !== undefined) {
          issues.push(fieldIssue([...at, 'vertices'], 'only rotated boxes carry vertices'));
        }
      } else if ((annotation.rotation === undefined) !== (annotation.vertices === undefined)) {
        const missing = annotation.rotation === undefined ? 'rotation' : 'vertices';
        issues.push(fieldIssue([...at, missing], 'rotated boxes carry both rotation and vertices'));
      }
      if (box.integer_pixels) {
        for (const key of ['left', 'top', 'width', 'height'] as const) {
          if (!Number.isInteger(annotation[key]))
            issues.push(fieldIssue([...at, key], 'expected whole pixels'));
        }
        annotation.vertices?.forEach((vertex, index) => {
          if (!Number.isInteger(vertex.x) || !Number.isInteger(vertex.y)) {
            issues.push(fieldIssue([...at, 'vertices', index], 'expected whole pixels'));
          }
        });
      }
      break;
    }
    case 'polygon':
    case 'line': {
      const poly = geometries[annotation.type];
      if (!poly) break;
      const count = annotation.vertices.length;
      if (count < poly.min_vertices) {
        issues.push(
          fieldIssue([...at, 'vertices'], `expected at least ${poly.min_vertices} vertices, got ${count}`),
        );
      }
      if (poly.max_vertices !== null && count > poly.max_vertices) {
        issues.push(
          fieldIssue([...at, 'vertices'], `expected at most ${poly.max_vertices} vertices, got ${count}`),
        );
      }
      break;
    }
    case 'cuboid': {
      const cuboid = geometries.cuboid;
      if (!cuboid) break;
      const seen = new Set<string>();
      annotation.vertices.forEach((vertex, index) => {
        if (seen.has(vertex.description)) {
          issues.push(
            fieldIssue([...at, 'vertices', index, 'description'], `"${vertex.description}" appears twice`),
          );
        }
        seen.add(vertex.description);
      });
      const xs = annotation.vertices.map((vertex) => vertex.x);
      const ys = annotation.vertices.map((vertex) => vertex.y);
      if (Math.max(...xs) - Math.min(...xs) < cuboid.min_width) {
        issues.push(
          fieldIssue([...at, 'vertices'], `expected a width of at least min_width (${cuboid.min_width} px)`),
        );
      }
      if (Math.max(...ys) - Math.min(...ys) < cuboid.min_height) {
        issues.push(
          fieldIssue(
            [...at, 'vertices'],
            `expected a height of at least min_height (${cuboid.min_height} px)`,
          ),
        );
      }
      break;
    }
    default:
      break;
  }
  return issues;
}

/**
 * Checks a list of annotations against the params: geometry enabled, leaf label, size and vertex limits,
 * whole pixels, attributes, unique uuids. Used for answers and for `base_annotations`.
 */
export function annotationListIssues(
  params: ImageannotationParams,
  annotations: readonly ImageAnnotation[],
  path: Path,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const lookup = new Map<string, { label: string }>();
  annotations.forEach((annotation, index) => {
    if (annotation.uuid === undefined) return;
    if (lookup.has(annotation.uuid)) {
      issues.push(fieldIssue([...path, index, 'uuid'], `duplicate uuid "${annotation.uuid}"`));
    } else lookup.set(annotation.uuid, { label: annotation.label });
  });
  annotations.forEach((annotation, index) => {
    const at = [...path, index];
    issues.push(...geometryIssues(params, annotation, at));
    const subject = {
      type: annotation.type,
      label: annotation.label,
      uuid: annotation.uuid,
      width: annotation.type === 'box' ? annotation.width : undefined,
      height: annotation.type === 'box' ? annotation.height : undefined,
      attributes: annotation.attributes,
    };
    issues.push(
      ...annotationAttributeIssues(params.annotation_attributes, subject, lookup, [...at, 'attributes']),
    );
  });
  return issues;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, entry]) => entry !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${stableJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Whether two annotations have the same shape, ignoring label, attributes, uuid and `locked`. */
function sameGeometry(answer: ImageAnnotation, base: BaseAnnotation): boolean {
  const shape = (annotation: Record<string, unknown>) => {
    const { label: _label, attributes: _attributes, uuid: _uuid, locked: _locked, ...rest } = annotation;
    return stableJson(rest);
  };
  return shape(answer) === shape(base);
}

/** Enforces the `can_*` flags and `locked` pre-labels against an answer. */
function baseAnnotationIssues(
  params: ImageannotationParams,
  annotations: readonly ImageAnnotation[],
): FieldIssue[] {
  const base = params.base_annotations?.annotations ?? [];
  if (base.length === 0) return [];
  const issues: FieldIssue[] = [];
  const baseByUuid = new Map(base.filter((a) => a.uuid !== undefined).map((a) => [a.uuid as string, a]));
  const answered = new Map(annotations.map((annotation, index) => [annotation.uuid, index]));
  for (const [uuid, pre] of baseByUuid) {
    if (!answered.has(uuid) && (pre.locked || !params.can_delete_base_annotations)) {
      issues.push(fieldIssue(['annotations'], `base annotation "${uuid}" must not be deleted`));
    }
  }
  annotations.forEach((annotation, index) => {
    const pre = annotation.uuid === undefined ? undefined : baseByUuid.get(annotation.uuid);
    if (!pre) {
      if (!params.can_add_base_annotations) {
        issues.push(
          fieldIssue(['annotations', index], 'new annotations are not allowed; only base annotations'),
        );
      }
      return;
    }
    if ((pre.locked || !params.can_edit_base_annotations) && !sameGeometry(annotation, pre)) {
      issues.push(fieldIssue(['annotations', index], 'the geometry of this base annotation must not change'));
    }
    if ((pre.locked || !params.can_edit_base_annotation_labels) && annotation.label !== pre.label) {
      issues.push(fieldIssue(['annotations', index, 'label'], `must stay "${pre.label}" (base annotation)`));
    }
  });
  return issues;
}

/** Semantic checks of an imageannotation answer against its params. */
export function validateImageannotation(
  params: ImageannotationParams,
  response: ImageannotationResponse,
): FieldIssue[] {
  const issues = annotationListIssues(params, response.annotations, ['annotations']);
  issues.push(...baseAnnotationIssues(params, response.annotations));
  issues.push(
    ...globalAttributeIssues(params.annotation_attributes, response.global_attributes, ['global_attributes']),
  );
  const links = params.links;
  const uuids = new Set(
    response.annotations.map((annotation) => annotation.uuid).filter((u) => u !== undefined),
  );
  response.links?.forEach((link, index) => {
    const at: Path = ['links', index];
    if (!links || !Object.hasOwn(links, link.label))
      issues.push(fieldIssue([...at, 'label'], `unknown link "${link.label}"`));
    if (!uuids.has(link.from))
      issues.push(fieldIssue([...at, 'from'], `no annotation has uuid "${link.from}"`));
    if (!uuids.has(link.to)) issues.push(fieldIssue([...at, 'to'], `no annotation has uuid "${link.to}"`));
  });
  return issues;
}

/** Cross-field checks of params that zod cannot express field by field. */
export function imageannotationParamIssues(params: ImageannotationParams): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { geometries } = params;
  const allLabels = new Set(
    Object.values(geometries).flatMap((geometry) =>
      geometry ? leafLabels(geometry.objects_to_annotate) : [],
    ),
  );
  const pointLabels = geometries.point ? leafLabels(geometries.point.objects_to_annotate) : [];
  geometries.point?.connections?.forEach((connection, index) => {
    connection.pair.forEach((label, side) => {
      if (!pointLabels.includes(label)) {
        issues.push(
          fieldIssue(
            ['geometries', 'point', 'connections', index, 'pair', side],
            `"${label}" is not a point label`,
          ),
        );
      }
    });
  });
  const attributes = params.annotation_attributes ?? {};
  for (const [name, attribute] of Object.entries(attributes)) {
    const at: Path = ['annotation_attributes', name];
    if (attribute.global) {
      if (attribute.conditions)
        issues.push(fieldIssue([...at, 'conditions'], 'global attributes cannot have conditions'));
      if (!['category', 'number', 'angle', 'text'].includes(attribute.type)) {
        issues.push(fieldIssue([...at, 'type'], `a global attribute cannot be of type "${attribute.type}"`));
      }
      continue;
    }
    const labelCondition = attribute.conditions?.label_condition?.label;
    const conditionLabels =
      labelCondition === undefined ? [] : Array.isArray(labelCondition) ? labelCondition : [labelCondition];
    for (const label of conditionLabels) {
      if (!allLabels.has(label)) {
        issues.push(
          fieldIssue([...at, 'conditions', 'label_condition', 'label'], `unknown label "${label}"`),
        );
      }
    }
    attribute.conditions?.attribute_conditions?.forEach((entry, index) => {
      for (const other of Object.keys(entry)) {
        const target = attributes[other];
        if (other === name || !target || target.global) {
          issues.push(
            fieldIssue(
              [...at, 'conditions', 'attribute_conditions', index, other],
              'must name another per-annotation attribute',
            ),
          );
        }
      }
    });
    if (attribute.type === 'linked') {
      for (const label of attribute.allowed_labels ?? []) {
        if (!allLabels.has(label))
          issues.push(fieldIssue([...at, 'allowed_labels'], `unknown label "${label}"`));
      }
    }
  }
  const base = params.base_annotations?.annotations;
  if (base) {
    const plain = base.map(({ locked: _locked, ...annotation }) => annotation as ImageAnnotation);
    issues.push(
      ...prefixIssues(['base_annotations', 'annotations'], annotationListIssues(params, plain, [])),
    );
  }
  return issues;
}
