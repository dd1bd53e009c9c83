/** Params shared by the image annotation tests and the scratch page: every geometry, nested labels, attributes. */

/** Every drawable geometry, nested vehicle labels, and attributes with conditions (raw, before parsing). */
export const ALL_GEOMETRIES: Record<string, unknown> = {
  geometries: {
    box: {
      objects_to_annotate: [
        { choice: 'vehicle', display: 'Vehicle', subchoices: ['car', { choice: 'truck', display: 'Truck' }] },
        'person',
      ],
      min_width: 5,
      min_height: 5,
      can_rotate: true,
    },
    polygon: { objects_to_annotate: ['road', 'building'], min_vertices: 3, max_vertices: 8 },
    line: { objects_to_annotate: ['lane'], min_vertices: 2 },
    point: { objects_to_annotate: ['head', 'hand'], connections: [{ pair: ['head', 'hand'] }] },
    ellipse: { objects_to_annotate: ['wheel'] },
  },
  annotation_attributes: {
    occluded: { type: 'category', description: 'Occluded?', choices: ['no', 'partly', 'fully'] },
    occlusion_note: {
      type: 'text',
      description: 'What hides it?',
      required: false,
      conditions: { attribute_conditions: [{ occluded: ['partly', 'fully'] }] },
    },
    color: {
      type: 'category',
      description: 'Colour',
      choices: ['red', 'blue', 'other'],
      allow_multiple: true,
      conditions: { label_condition: { label: ['car', 'truck'] } },
    },
    passengers: {
      type: 'number',
      description: 'Passengers',
      min: 0,
      max: 9,
      conditions: { label_condition: { label: 'car' } },
    },
    heading: {
      type: 'angle',
      description: 'Heading',
      required: false,
      conditions: { label_condition: { label: 'car' } },
    },
    weather: { type: 'category', description: 'Weather', choices: ['sun', 'rain'], global: true },
  },
};
