/**
 * Sample content for each task type: what a task would bring (an image, a review, a sentence with names,
 * a prompt with replies) when none is at hand. The console's live preview shows project params with it,
 * and the server checks project params with it, so that rules joining the project's params and a task's
 * content (a condition on a label, a category named twice, choices per response) are checked when the
 * project is saved rather than when its first task is created.
 */

const REVIEW_TEXT =
  'The kettle boils in under two minutes and the handle stays cool. The lid, though, cracked in the first week and support never answered my emails.';

const NER_TEXT =
  'Ada Lovelace met Charles Babbage in London in 1833, and later wrote notes on his Analytical Engine for the Royal Society.';

const PROMPT = 'How long should I boil an egg for a runny yolk?';

/** Default `attachment_type` of the types that have one (the type schemas' defaults). */
const DEFAULT_ATTACHMENT_TYPE: Readonly<Record<string, string>> = {
  imageannotation: 'image',
  categorization: 'image',
  comparison: 'image',
  transcription: 'image',
  datacollection: 'website',
};

/** The attachment type `params` ask for (the type's default when they name none); null when the type has none. */
export function attachmentTypeOf(type: string, params: Readonly<Record<string, unknown>>): string | null {
  const fallback = DEFAULT_ATTACHMENT_TYPE[type];
  if (fallback === undefined) return null;
  return typeof params.attachment_type === 'string' ? params.attachment_type : fallback;
}

/** The images samples point at; the console passes its bundled ones, the server placeholders. */
export interface SampleImages {
  /** A photo (image annotation, categorization). */
  photo: string;
  /** A document (transcription, the second of a comparison). */
  document: string;
}

const PLACEHOLDER_IMAGES: SampleImages = {
  photo: 'https://example.com/sample.jpg',
  document: 'https://example.com/sample-document.png',
};

function sampleAttachment(kind: string, images: SampleImages, document = false): string {
  switch (kind) {
    case 'text':
      return REVIEW_TEXT;
    case 'image':
      return document ? images.document : images.photo;
    case 'website':
      return 'https://example.com/';
    default:
      return `https://example.com/sample.${kind === 'audio' ? 'mp3' : kind === 'video' ? 'mp4' : 'pdf'}`;
  }
}

/**
 * The content keys a `type` task could bring under `params` (its attachment of the kind the params ask
 * for, its text, prompt or responses); `{}` for an unknown type or one whose tasks bring nothing.
 */
export function sampleTaskContent(
  type: string,
  params: Readonly<Record<string, unknown>>,
  images: SampleImages = PLACEHOLDER_IMAGES,
): Record<string, unknown> {
  const kind = attachmentTypeOf(type, params) ?? 'image';
  switch (type) {
    case 'imageannotation':
      return { attachment: images.photo };
    case 'categorization':
    case 'datacollection':
      return { attachment: sampleAttachment(kind, images) };
    case 'transcription':
      return { attachment: sampleAttachment(kind, images, true) };
    case 'comparison':
      return {
        attachments:
          kind === 'text'
            ? [REVIEW_TEXT, 'Works as described. Shipping was quick and the box was well padded.']
            : [sampleAttachment(kind, images), sampleAttachment(kind, images, true)],
      };
    case 'textcollection':
      return { attachments: [{ type: 'image', content: images.photo }] };
    case 'namedentityrecognition':
      return { text: NER_TEXT };
    case 'pairwisepreference':
      return {
        prompt: PROMPT,
        responses: [
          {
            id: 'sample-a',
            content:
              'About 6 minutes from when you lower it into boiling water, then a minute in cold water.',
          },
          { id: 'sample-b', content: 'Boil it as long as you like; there is no wrong answer!' },
        ],
      };
    case 'ranking':
      return {
        prompt: PROMPT,
        responses: [
          { id: 'r1', content: 'Six minutes in boiling water, then into cold water.' },
          { id: 'r2', content: 'Eggs are a great source of protein.' },
          { id: 'r3', content: 'Four to five minutes for very runny, six for jammy.' },
        ],
      };
    case 'demonstration':
      return { prompt: PROMPT };
    default:
      return {};
  }
}
