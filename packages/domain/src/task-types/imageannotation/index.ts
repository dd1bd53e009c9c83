import { leafLabels } from '../../shared/label-description.ts';
import type { TaskType } from '../../task-type.ts';
import {
  type AttributeValue,
  isRequired,
  placeholderAnnotationAttributes,
  placeholderAttributeValue,
} from './attributes.ts';
import { imageannotationConsensus } from './consensus.ts';
import { GEOMETRY_KINDS, type ImageannotationParams, imageannotationParamsObjectSchema } from './params.ts';
import {
  type ImageAnnotation,
  type ImageannotationResponse,
  imageannotationResponseSchema,
} from './response.ts';
import { imageannotationScore } from './score.ts';
import { imageannotationParamIssues, validateImageannotation } from './validate.ts';

/** Params of an `imageannotation` task, with cross-field checks (labels referenced by conditions, pre-labels…). */
export const imageannotationParamsSchema = imageannotationParamsObjectSchema.superRefine((params, ctx) => {
  for (const issue of imageannotationParamIssues(params)) {
    ctx.addIssue({ code: 'custom', path: issue.path.split('.'), message: issue.message });
  }
});

function globalPlaceholders(params: ImageannotationParams): Record<string, AttributeValue> | undefined {
  const entries = Object.entries(params.annotation_attributes ?? {}).filter(
    ([, a]) => a.global && isRequired(a),
  );
  if (entries.length === 0) return undefined;
  const values: Record<string, AttributeValue> = {};
  for (const [name, attribute] of entries) {
    const value = placeholderAttributeValue(attribute);
    if (value !== undefined) values[name] = value;
  }
  return values;
}

/** One annotation of the first enabled geometry, sized to its limits, with its required attributes. */
function sampleAnnotation(params: ImageannotationParams): ImageAnnotation | undefined {
  const kind = GEOMETRY_KINDS.find((candidate) => params.geometries[candidate] !== undefined);
  const geometry = kind && params.geometries[kind];
  if (!kind || !geometry) return undefined;
  const label = leafLabels(geometry.objects_to_annotate)[0];
  if (label === undefined) return undefined;
  const uuid = 'placeholder-1';
  const side = (min: number) => Math.max(10, Math.ceil(min));
  let shape: ImageAnnotation;
  switch (kind) {
    case 'box': {
      const box = params.geometries.box;
      shape = {
        type: 'box',
        uuid,
        label,
        left: 0,
        top: 0,
        width: side(box?.min_width ?? 0),
        height: side(box?.min_height ?? 0),
      };
      break;
    }
    case 'polygon':
    case 'line': {
      const poly = params.geometries[kind];
      const count = Math.min(
        Math.max(poly?.min_vertices ?? 1, kind === 'polygon' ? 3 : 2),
        poly?.max_vertices ?? Infinity,
      );
      const vertices = Array.from({ length: count }, (_, i) => ({ x: i * 10, y: (i % 2) * 10 }));
      shape = { type: kind, uuid, label, vertices };
      break;
    }
    case 'point':
      shape = { type: 'point', uuid, label, x: 0, y: 0 };
      break;
    case 'ellipse':
      shape = {
        type: 'ellipse',
        uuid,
        label,
        vertices: [
          { x: 10, y: 0 },
          { x: 20, y: 5 },
          { x: 10, y: 10 },
          { x: 0, y: 5 },
        ],
      };
      break;
    case 'cuboid': {
      const cuboid = params.geometries.cuboid;
      const w = side(cuboid?.min_width ?? 0);
      const h = side(cuboid?.min_height ?? 0);
      const corners: Extract<ImageAnnotation, { type: 'cuboid' }>['vertices'] = [
        { type: 'vertex', description: 'face-topleft', x: 0, y: 0 },
        { type: 'vertex', description: 'face-bottomleft', x: 0, y: h },
        { type: 'vertex', description: 'face-topright', x: w, y: 0 },
        { type: 'vertex', description: 'face-bottomright', x: w, y: h },
        { type: 'vertex', description: 'side-topcorner', x: w, y: 0 },
        { type: 'vertex', description: 'side-bottomcorner', x: w, y: h },
      ];
      shape = { type: 'cuboid', uuid, label, vertices: corners, edges: [] };
      break;
    }
  }
  const attributes = placeholderAnnotationAttributes(params.annotation_attributes, {
    type: shape.type,
    label,
    uuid,
    width: shape.type === 'box' ? shape.width : undefined,
    height: shape.type === 'box' ? shape.height : undefined,
  });
  return Object.keys(attributes).length > 0 ? { ...shape, attributes } : shape;
}

function placeholderImageannotation(params: ImageannotationParams): ImageannotationResponse {
  const global_attributes = globalPlaceholders(params);
  const withGlobals = (annotations: ImageAnnotation[]): ImageannotationResponse =>
    global_attributes ? { annotations, global_attributes } : { annotations };
  // Without can_add, pre-labels lacking a uuid cannot be told apart from new annotations, so leave them out.
  const base = params.base_annotations?.annotations
    .filter((annotation) => params.can_add_base_annotations || annotation.uuid !== undefined)
    .map(({ locked: _locked, ...annotation }) => annotation);
  const sample = sampleAnnotation(params);
  const candidates: ImageAnnotation[][] = [];
  if (base && base.length > 0) candidates.push(base);
  if (sample) candidates.push([sample]);
  for (const annotations of candidates) {
    const response = withGlobals(annotations);
    if (validateImageannotation(params, response).length === 0) return response;
  }
  return withGlobals([]);
}

/** `imageannotation`: boxes, polygons, lines, points, ellipses and cuboids with attributes on an image. */
export const imageannotationTaskType: TaskType<ImageannotationParams, ImageannotationResponse> = {
  name: 'imageannotation',
  title: 'Image annotation',
  paramsSchema: imageannotationParamsSchema,
  responseSchema: imageannotationResponseSchema,
  validateResponse: validateImageannotation,
  placeholderResponse: placeholderImageannotation,
  consensus: imageannotationConsensus,
  score: imageannotationScore,
  attachmentUrls(params) {
    return [params.attachment, ...(params.context_attachments ?? []).map((context) => context.attachment)];
  },
};
