import * as z from 'zod';
import { attributeValueSchema } from './attributes.ts';

/** An image point in pixels from the top-left corner. */
export const vertexSchema = z.strictObject({
  /** Pixels from the left edge. */
  x: z.number().describe('Pixels from the left edge.'),
  /** Pixels from the top edge. */
  y: z.number().describe('Pixels from the top edge.'),
});

/** Names of the six cuboid vertices. */
export const CUBOID_VERTEX_DESCRIPTIONS = [
  'face-topleft',
  'face-bottomleft',
  'face-topright',
  'face-bottomright',
  'side-topcorner',
  'side-bottomcorner',
] as const;

const annotationBase = {
  /** Stable id of the object (kept across edits; referenced by linked attributes and links). */
  uuid: z.string().min(1).optional().describe('Stable id of the object.'),
  /** Leaf label from the geometry's objects_to_annotate. */
  label: z.string().min(1).describe("Leaf label from the geometry's objects_to_annotate."),
  /** Attribute values by attribute name. */
  attributes: z.record(z.string(), attributeValueSchema).optional().describe('Attribute values by name.'),
};

const boxShape = {
  ...annotationBase,
  /** Geometry kind. */
  type: z.literal('box').describe('Rectangle.'),
  /** Left edge (px) of the unrotated box. */
  left: z.number().describe('Left edge in px (of the unrotated box).'),
  /** Top edge (px) of the unrotated box. */
  top: z.number().describe('Top edge in px (of the unrotated box).'),
  /** Width in px. */
  width: z.number().min(0).describe('Width in px.'),
  /** Height in px. */
  height: z.number().min(0).describe('Height in px.'),
  /** Clockwise rotation in radians about the center (only with can_rotate). */
  rotation: z.number().optional().describe('Clockwise rotation in radians (only with can_rotate).'),
  /** Corners of the rotated box (only with can_rotate). */
  vertices: z.array(vertexSchema).length(4).optional().describe('Corners of the rotated box.'),
};

const polygonShape = {
  ...annotationBase,
  /** Geometry kind. */
  type: z.literal('polygon').describe('Closed polygon.'),
  /** Corners in drawing order. */
  vertices: z.array(vertexSchema).min(1).describe('Corners in drawing order.'),
};

const lineShape = {
  ...annotationBase,
  /** Geometry kind. */
  type: z.literal('line').describe('Open polyline.'),
  /** Points in drawing order. */
  vertices: z.array(vertexSchema).min(1).describe('Points in drawing order.'),
};

const pointShape = {
  ...annotationBase,
  /** Geometry kind. */
  type: z.literal('point').describe('Keypoint.'),
  /** Pixels from the left edge. */
  x: z.number().describe('Pixels from the left edge.'),
  /** Pixels from the top edge. */
  y: z.number().describe('Pixels from the top edge.'),
};

const ellipseShape = {
  ...annotationBase,
  /** Geometry kind. */
  type: z.literal('ellipse').describe('Ellipse.'),
  /** The four extremal points of the ellipse. */
  vertices: z.array(vertexSchema).length(4).describe('The four extremal points.'),
};

const cuboidShape = {
  ...annotationBase,
  /** Geometry kind. */
  type: z.literal('cuboid').describe('Projected cuboid.'),
  /** The six visible corners, each named once. */
  vertices: z
    .array(
      z.strictObject({
        /** Always `vertex`. */
        type: z.literal('vertex').describe('Always vertex.'),
        /** Which corner. */
        description: z.enum(CUBOID_VERTEX_DESCRIPTIONS).describe('Which corner.'),
        /** Pixels from the left edge. */
        x: z.number().describe('Pixels from the left edge.'),
        /** Pixels from the top edge. */
        y: z.number().describe('Pixels from the top edge.'),
      }),
    )
    .length(6)
    .describe('The six visible corners, each named once.'),
  /** Visible edges. */
  edges: z
    .array(
      z.strictObject({
        /** Always `edge`. */
        type: z.literal('edge').describe('Always edge.'),
        /** Which edge, e.g. `face-top`. */
        description: z.string().min(1).describe('Which edge, e.g. face-top.'),
        /** Start x. */
        x1: z.number().describe('Start x.'),
        /** Start y. */
        y1: z.number().describe('Start y.'),
        /** End x. */
        x2: z.number().describe('End x.'),
        /** End y. */
        y2: z.number().describe('End y.'),
      }),
    )
    .default([])
    .describe('Visible edges.'),
  /** Projected corners (with camera params). */
  points_2d: z.array(vertexSchema).optional().describe('Projected corners (with camera params).'),
  /** Corners in camera space, meters (with camera params). */
  points_3d: z
    .array(
      z.strictObject({
        /** x (m). */
        x: z.number().describe('x (m).'),
        /** y (m). */
        y: z.number().describe('y (m).'),
        /** z (m). */
        z: z.number().describe('z (m).'),
      }),
    )
    .optional()
    .describe('Corners in camera space (m).'),
};

/** One drawn object of an answer. */
export const imageAnnotationSchema = z.discriminatedUnion('type', [
  z.strictObject(boxShape),
  z.strictObject(polygonShape),
  z.strictObject(lineShape),
  z.strictObject(pointShape),
  z.strictObject(ellipseShape),
  z.strictObject(cuboidShape),
]);

/** One drawn object. */
export type ImageAnnotation = z.output<typeof imageAnnotationSchema>;

const locked = {
  /** The labeler may not change or delete this pre-label. */
  locked: z.boolean().optional().describe('The labeler may not change or delete this pre-label.'),
};

/** A pre-label: an answer annotation, optionally `locked`. */
export const baseAnnotationSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...boxShape, ...locked }),
  z.strictObject({ ...polygonShape, ...locked }),
  z.strictObject({ ...lineShape, ...locked }),
  z.strictObject({ ...pointShape, ...locked }),
  z.strictObject({ ...ellipseShape, ...locked }),
  z.strictObject({ ...cuboidShape, ...locked }),
]);

/** A pre-label. */
export type BaseAnnotation = z.output<typeof baseAnnotationSchema>;

/** A named link between two annotations of the answer. */
export const imageLinkSchema = z.strictObject({
  /** Link name (a key of params.links). */
  label: z.string().min(1).describe('Link name (a key of params.links).'),
  /** uuid of the source annotation. */
  from: z.string().min(1).describe('uuid of the source annotation.'),
  /** uuid of the target annotation. */
  to: z.string().min(1).describe('uuid of the target annotation.'),
});

/** Answer of an imageannotation task. */
export const imageannotationResponseSchema = z.strictObject({
  /** The drawn objects. */
  annotations: z.array(imageAnnotationSchema).describe('The drawn objects.'),
  /** Per-image attribute values by name. */
  global_attributes: z
    .record(z.string(), attributeValueSchema)
    .optional()
    .describe('Per-image attribute values by name.'),
  /** Links between annotations (when params.links is set). */
  links: z.array(imageLinkSchema).optional().describe('Links between annotations.'),
});

/** Parsed imageannotation answer. */
export type ImageannotationResponse = z.output<typeof imageannotationResponseSchema>;
