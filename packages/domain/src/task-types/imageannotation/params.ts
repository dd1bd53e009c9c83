import * as z from 'zod';
import { attachmentReferenceSchema, contextAttachmentSchema } from '../../shared/attachments.ts';
import { labelListSchema } from '../../shared/label-description.ts';
import { annotationAttributesSchema } from './attributes.ts';
import { baseAnnotationSchema } from './response.ts';

const pixels = z.number().min(0);

/** Labels of one geometry: strings or nested LabelDescriptions; answers use leaf labels. */
const objectsToAnnotate = labelListSchema.describe(
  'Labels to annotate: strings or LabelDescriptions {choice, subchoices, display, instance_label}; answers use leaf labels.',
);

/** Axis-aligned (optionally rotatable) rectangles. */
export const boxGeometrySchema = z.strictObject({
  /** Labels boxes may carry. */
  objects_to_annotate: objectsToAnnotate,
  /** Smallest box height in px (default 0). */
  min_height: pixels.default(0).describe('Smallest box height in px (default 0).'),
  /** Smallest box width in px (default 0). */
  min_width: pixels.default(0).describe('Smallest box width in px (default 0).'),
  /** Whether boxes may be rotated (answers then carry `rotation` and `vertices`). */
  can_rotate: z.boolean().default(false).describe('Allow rotated boxes (answers add rotation and vertices).'),
  /** Whether coordinates must be whole pixels. */
  integer_pixels: z.boolean().default(false).describe('Require whole-pixel coordinates.'),
});

/** Closed polygons or open polylines. */
export const polyGeometrySchema = z
  .strictObject({
    /** Labels the shapes may carry. */
    objects_to_annotate: objectsToAnnotate,
    /** Fewest vertices (default 1). */
    min_vertices: z.int().min(1).default(1).describe('Fewest vertices (default 1).'),
    /** Most vertices (default unlimited). */
    max_vertices: z
      .int()
      .min(1)
      .nullable()
      .default(null)
      .describe('Most vertices (default null = unlimited).'),
  })
  .refine((geometry) => geometry.max_vertices === null || geometry.min_vertices <= geometry.max_vertices, {
    message: 'must be ≤ max_vertices',
    path: ['min_vertices'],
  });

/** A visual link drawn between two keypoint labels. */
export const pointConnectionSchema = z.strictObject({
  /** The two point labels to connect. */
  pair: z.tuple([z.string().min(1), z.string().min(1)]).describe('The two point labels to connect.'),
  /** Name of an attribute describing the connection. */
  connection_attribute: z.string().optional().describe('Name of an attribute describing the connection.'),
});

/** Keypoints. */
export const pointGeometrySchema = z.strictObject({
  /** Labels points may carry. */
  objects_to_annotate: objectsToAnnotate,
  /** Lines drawn between points of given labels (display only). */
  connections: z.array(pointConnectionSchema).optional().describe('Lines drawn between point labels.'),
});

/** Pinhole camera intrinsics. */
export const cameraIntrinsicsSchema = z.strictObject({
  /** Focal length x (px). */
  fx: z.number().describe('Focal length x (px).'),
  /** Focal length y (px). */
  fy: z.number().describe('Focal length y (px).'),
  /** Principal point x (px). */
  cx: z.number().describe('Principal point x (px).'),
  /** Principal point y (px). */
  cy: z.number().describe('Principal point y (px).'),
  /** Skew (default 0). */
  skew: z.number().default(0).describe('Skew (default 0).'),
  /** Scale factor (default 1). */
  scalefactor: z.number().default(1).describe('Scale factor (default 1).'),
});

/** Camera orientation quaternion. */
export const quaternionSchema = z.strictObject({
  /** w. */
  w: z.number().describe('w component.'),
  /** x. */
  x: z.number().describe('x component.'),
  /** y. */
  y: z.number().describe('y component.'),
  /** z. */
  z: z.number().describe('z component.'),
});

/** 2D-projected cuboids. */
export const cuboidGeometrySchema = z.strictObject({
  /** Labels cuboids may carry. */
  objects_to_annotate: objectsToAnnotate,
  /** Smallest cuboid height in px (default 0). */
  min_height: pixels.default(0).describe('Smallest height in px (default 0).'),
  /** Smallest cuboid width in px (default 0). */
  min_width: pixels.default(0).describe('Smallest width in px (default 0).'),
  /** Camera intrinsics, enabling 3D points. */
  camera_intrinsics: cameraIntrinsicsSchema.optional().describe('Camera intrinsics (enables points_3d).'),
  /** Camera rotation. */
  camera_rotation_quaternion: quaternionSchema.optional().describe('Camera rotation quaternion.'),
  /** Camera height above ground in meters. */
  camera_height: z.number().optional().describe('Camera height above ground (m).'),
});

/** Ellipses. */
export const ellipseGeometrySchema = z.strictObject({
  /** Labels ellipses may carry. */
  objects_to_annotate: objectsToAnnotate,
});

/** Geometry kinds, in the order editors offer them. */
export const GEOMETRY_KINDS = ['box', 'polygon', 'line', 'point', 'ellipse', 'cuboid'] as const;

/** A geometry kind. */
export type GeometryKind = (typeof GEOMETRY_KINDS)[number];

/** Which geometries may be drawn, each with its labels and limits; at least one. */
export const geometriesSchema = z
  .strictObject({
    /** Rectangles. */
    box: boxGeometrySchema.optional(),
    /** Closed polygons. */
    polygon: polyGeometrySchema.optional(),
    /** Open polylines. */
    line: polyGeometrySchema.optional(),
    /** Keypoints. */
    point: pointGeometrySchema.optional(),
    /** Ellipses. */
    ellipse: ellipseGeometrySchema.optional(),
    /** Cuboids. */
    cuboid: cuboidGeometrySchema.optional(),
  })
  .refine((geometries) => GEOMETRY_KINDS.some((kind) => geometries[kind] !== undefined), {
    message: `expected at least one of ${GEOMETRY_KINDS.join(', ')}`,
  })
  .describe('Geometries that may be drawn (at least one).');

/** A named relationship between two annotations (e.g. "rides"). */
export const linkDefinitionSchema = z.looseObject({
  /** What the link means. */
  description: z.string().optional().describe('What the link means.'),
});

/** Params of an `imageannotation` task, before cross-field checks. */
export const imageannotationParamsObjectSchema = z.looseObject({
  /** URL or file reference of the image. */
  attachment: attachmentReferenceSchema,
  /** Kind of attachment; only `image`. */
  attachment_type: z.literal('image').default('image').describe('Kind of attachment (image).'),
  /** Geometries that may be drawn. */
  geometries: geometriesSchema,
  /** Attributes asked per annotation (or per image with `global: true`). */
  annotation_attributes: annotationAttributesSchema.optional(),
  /** Named relationships between annotations; answered in `response.links`. */
  links: z
    .record(z.string().min(1), linkDefinitionSchema)
    .optional()
    .describe('Named links between annotations.'),
  /** Reference-only images shown next to the main one. */
  context_attachments: z.array(contextAttachmentSchema).optional().describe('Reference-only images.'),
  /** Canvas margin around the image in px, both axes (coordinates may then be negative). */
  padding: z.number().min(0).optional().describe('Canvas margin around the image in px.'),
  /** Horizontal canvas margin in px. */
  paddingX: z.number().min(0).optional().describe('Horizontal canvas margin in px.'),
  /** Vertical canvas margin in px. */
  paddingY: z.number().min(0).optional().describe('Vertical canvas margin in px.'),
  /** Pre-labels the labeler starts from. */
  base_annotations: z
    .strictObject({
      /** The pre-labels, shaped like answer annotations, optionally `locked`. */
      annotations: z
        .array(baseAnnotationSchema)
        .describe('Pre-labels, like answer annotations, optionally locked.'),
    })
    .optional()
    .describe('Pre-labels the labeler starts from.'),
  /** Whether annotations may be added besides the base annotations (default true). */
  can_add_base_annotations: z.boolean().default(true).describe('Allow adding annotations (default true).'),
  /** Whether base annotations' geometry may change (default true; `locked` ones never). */
  can_edit_base_annotations: z
    .boolean()
    .default(true)
    .describe('Allow editing base geometry (default true).'),
  /** Whether base annotations' labels may change (default true; `locked` ones never). */
  can_edit_base_annotation_labels: z.boolean().default(true).describe('Allow relabeling (default true).'),
  /** Whether base annotations may be deleted (default true; `locked` ones never). */
  can_delete_base_annotations: z
    .boolean()
    .default(true)
    .describe('Allow deleting base annotations (default true).'),
  /** Hide label names on the canvas. */
  hide_label: z.boolean().optional().describe('Hide label names on the canvas.'),
});

/** Parsed imageannotation params. */
export type ImageannotationParams = z.output<typeof imageannotationParamsObjectSchema>;
