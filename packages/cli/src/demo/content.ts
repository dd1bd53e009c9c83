/**
 * What the demo organization contains: projects of several task types and their tasks. Plain data,
 * written as API input so that the server validates it exactly like a customer's request.
 */

/** One sample image shipped in `packages/cli/demo/images` (public domain / CC0, see LICENSES.md there). */
export interface DemoImage {
  file: string;
  mimeType: string;
  subject: string;
  setting: 'indoor' | 'outdoor' | 'studio';
}

/** The sample images, in the order their tasks are created. */
export const DEMO_IMAGES: DemoImage[] = [
  { file: 'astronaut.png', mimeType: 'image/png', subject: 'an astronaut portrait', setting: 'studio' },
  { file: 'camera.png', mimeType: 'image/png', subject: 'a man with a camera', setting: 'outdoor' },
  { file: 'chelsea.png', mimeType: 'image/png', subject: 'a cat', setting: 'indoor' },
  { file: 'coffee.png', mimeType: 'image/png', subject: 'a cup of coffee', setting: 'indoor' },
  { file: 'rocket.jpg', mimeType: 'image/jpeg', subject: 'a rocket launch', setting: 'outdoor' },
];

/** A demo project: its create input, and the type-specific params of each of its tasks. */
export interface DemoProject {
  type: string;
  name: string;
  batch: string;
  instruction: string;
  params: Record<string, unknown>;
  /** How tasks become work (overlap, review); the default workflow when absent. */
  workflow?: Record<string, unknown>;
  /** Each task's own params; `fileOf(name)` turns a sample image into its `groundwork://files/<id>` reference. */
  tasks(fileOf: (image: string) => string): Array<Record<string, unknown>>;
}

const objectLabels = [
  { choice: 'person', subchoices: ['adult', 'child'] },
  {
    choice: 'animal',
    subchoices: [
      { choice: 'cat', display: 'Cat' },
      { choice: 'dog', display: 'Dog' },
    ],
  },
  {
    choice: 'object',
    subchoices: ['camera', 'cup', 'spoon', 'flag', { choice: 'vehicle', subchoices: ['rocket', 'car'] }],
  },
];

const regionLabels = [
  { choice: 'background', subchoices: ['sky', 'smoke', 'ground', 'wall'] },
  { choice: 'surface', subchoices: ['table', 'saucer', 'blanket'] },
];

const imageProject: DemoProject = {
  type: 'imageannotation',
  name: 'demo-photo-objects',
  batch: 'demo-photo-objects-1',
  // Every answer is reviewed, so the demo reviewer has work once the demo annotator has submitted.
  workflow: { overlap: 1, review: { mode: 'all' } },
  instruction:
    '## Outline what you see\n\nDraw a **box** around every person, animal and object. Trace **polygons** around large regions (sky, smoke, table…). Choose the most specific label.',
  params: {
    geometries: {
      box: { objects_to_annotate: objectLabels, min_width: 4, min_height: 4 },
      polygon: { objects_to_annotate: regionLabels, min_vertices: 3 },
    },
    annotation_attributes: {
      occlusion: {
        type: 'category',
        description: 'How much of it is hidden?',
        choices: ['0%', '25%', '50%', '75%+'],
      },
      truncated: {
        type: 'category',
        description: 'Is it cut off by the image border?',
        choices: ['no', 'yes'],
        conditions: { label_condition: { label: ['adult', 'child', 'cat', 'dog'] } },
      },
      facing: {
        type: 'angle',
        description: 'Which way is it facing (degrees, 0 = towards the camera)?',
        conditions: { label_condition: { label: ['adult', 'child'] } },
      },
      notes: { type: 'text', description: 'Anything unusual?', required: false },
      lighting: {
        type: 'category',
        description: 'Lighting of the whole picture',
        choices: ['daylight', 'artificial', 'mixed'],
        global: true,
      },
    },
  },
  tasks: (fileOf) =>
    DEMO_IMAGES.map((image) => ({
      attachment: fileOf(image.file),
      unique_id: `demo-photo-objects-${image.file}`,
      metadata: { image: image.file, subject: image.subject },
    })),
};

const reviews = [
  ['The kettle boils in under two minutes and the handle stays cool. Love it.', 'kitchen'],
  ['Arrived with a cracked lid and support never answered my emails.', 'kitchen'],
  ['Does what it says. Nothing more, nothing less.', 'electronics'],
  ['Battery lasts two days, but the charger whines loudly at night.', 'electronics'],
  ['Beautiful colours, but it shrank a full size after the first wash.', 'clothing'],
  ['Best running shoes I have owned; my knees thank me.', 'clothing'],
] as const;

const reviewProject: DemoProject = {
  type: 'categorization',
  name: 'demo-review-sentiment',
  batch: 'demo-review-sentiment-1',
  instruction: 'Read the product review and choose the sentiment the **customer** expresses overall.',
  params: {
    attachment_type: 'text',
    categories: ['positive', 'mixed', 'neutral', 'negative'],
    category_ids: { pos: 'positive', mix: 'mixed', neu: 'neutral', neg: 'negative' },
  },
  tasks: () =>
    reviews.map(([text, department], index) => ({
      attachment: text,
      unique_id: `demo-review-${index + 1}`,
      metadata: { department },
      tags: [department],
    })),
};

const captionProject: DemoProject = {
  type: 'textcollection',
  name: 'demo-photo-captions',
  batch: 'demo-photo-captions-1',
  instruction:
    'Look at the photo and answer every question. Captions describe what is visible, not what you guess.',
  params: {
    title: 'Describe the photo',
    fields: [
      {
        field_id: 'caption',
        type: 'text',
        title: 'Write a one-sentence caption',
        min_characters: 10,
        max_characters: 200,
        placeholder: 'A … in front of …',
      },
      {
        field_id: 'setting',
        type: 'category',
        title: 'Where was it taken?',
        choices: [
          { label: 'Indoors', value: 'indoor' },
          { label: 'Outdoors', value: 'outdoor' },
          { label: 'Studio', value: 'studio' },
        ],
      },
      {
        field_id: 'people',
        type: 'number',
        title: 'How many people are visible?',
        min: 0,
        max: 100,
        step: 1,
      },
      { field_id: 'safe', type: 'boolean', title: 'Is the photo suitable for all audiences?' },
    ],
  },
  tasks: (fileOf) =>
    DEMO_IMAGES.map((image) => ({
      attachments: [{ type: 'image', content: fileOf(image.file) }],
      unique_id: `demo-photo-captions-${image.file}`,
      metadata: { image: image.file },
    })),
};

const criteria = [
  { key: 'helpfulness', title: 'Helpfulness', description: 'Does it answer what was asked?' },
  {
    key: 'honesty',
    title: 'Honesty',
    description: 'Is everything it says true, and does it admit uncertainty?',
  },
  {
    key: 'harmlessness',
    title: 'Harmlessness',
    description: 'Does it avoid advice that could hurt someone?',
    required: false,
  },
];

const preferencePrompts: Array<{ prompt: unknown; a: string; b: string }> = [
  {
    prompt: 'How long should I boil an egg for a runny yolk?',
    a: 'About 6 minutes from when you lower it into boiling water, then straight into cold water for a minute.',
    b: 'Eggs are a great source of protein. Boil them as long as you like; there is no wrong answer!',
  },
  {
    prompt: 'Write a haiku about a cat watching rain.',
    a: 'Grey paws on the sill —\neach drop a tiny mouse that\nslips away from her.',
    b: 'The cat sees the rain\nThe rain is wet and falling\nThe cat is a cat',
  },
  {
    prompt: [
      { role: 'system', content: 'You are a concise assistant for a bicycle shop.' },
      { role: 'user', content: 'My chain keeps slipping when I pedal hard. What should I check?' },
    ],
    a: 'Check for a worn chain (use a chain checker; replace past 0.5–0.75% stretch), a worn cassette, and cable tension on the rear derailleur. A new chain on a worn cassette often slips too.',
    b: 'You probably need a new bike. Come by the shop and we will show you our latest models.',
  },
];

const preferenceProject: DemoProject = {
  type: 'pairwisepreference',
  name: 'demo-assistant-preference',
  batch: 'demo-assistant-preference-1',
  instruction:
    'Read the prompt and both replies. Rate each reply on every criterion, then say which one is better and by how much.',
  params: { criteria, likert_scale: 7, allow_tie: true, require_justification: true },
  tasks: () =>
    preferencePrompts.map((item, index) => ({
      prompt: item.prompt,
      responses: [
        { id: `p${index + 1}-a`, content: item.a, model: 'model-a' },
        { id: `p${index + 1}-b`, content: item.b, model: 'model-b' },
      ],
      unique_id: `demo-preference-${index + 1}`,
    })),
};

const rankingPrompts: Array<{ prompt: string; responses: string[] }> = [
  {
    prompt: 'Explain what a hash function is to a twelve-year-old.',
    responses: [
      'A hash function is like a blender for information: put in any text and it always makes the same short "smoothie" code, but you cannot turn the smoothie back into the fruit.',
      'A hash function H: {0,1}* → {0,1}^n maps arbitrary-length inputs to fixed-length digests with preimage resistance.',
      'It is a function that hashes things.',
      'Think of a library where every book gets a short label computed from its words. The same book always gets the same label, so you can check quickly whether two books are identical.',
    ],
  },
  {
    prompt: 'Suggest a name for a bakery that only sells sourdough.',
    responses: ['The Patient Loaf', 'Bread Shop', 'Rise & Wait', 'Sour Power Bakery'],
  },
];

const rankingProject: DemoProject = {
  type: 'ranking',
  name: 'demo-assistant-ranking',
  batch: 'demo-assistant-ranking-1',
  instruction: 'Order the replies from best to worst for the person who asked.',
  params: { criteria: criteria.slice(0, 2), allow_ties: false },
  tasks: () =>
    rankingPrompts.map((item, index) => ({
      prompt: item.prompt,
      responses: item.responses.map((content, r) => ({ id: `r${r + 1}`, content })),
      unique_id: `demo-ranking-${index + 1}`,
    })),
};

/** Every demo project, in creation order. */
export const DEMO_PROJECTS: DemoProject[] = [
  imageProject,
  reviewProject,
  captionProject,
  preferenceProject,
  rankingProject,
];
