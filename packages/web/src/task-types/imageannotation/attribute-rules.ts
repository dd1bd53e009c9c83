/**
 * Which attributes an annotation is asked, and the values an answer carries. Whether an attribute applies
 * and is required is the domain's rule (`attributeApplies`, `isRequired`), the same the server checks.
 */
import {
  type AnnotationAttribute,
  type AttributeSubject,
  type AttributeValue,
  attributeApplies,
  type ImageannotationParams,
  isRequired,
} from '@groundwork/domain';

export { type AttributeSubject, attributeApplies, isRequired };

/** Attribute definitions by name, as the params give them. */
export type AttributeDefinitions = NonNullable<ImageannotationParams['annotation_attributes']>;

/** Whether a value counts as "not answered" (an empty text or an empty multiple choice). */
export function isBlank(value: AttributeValue | undefined): value is undefined {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * The attribute values an answer carries for `subject`: blanks and unknown names dropped, and values of
 * attributes that no longer apply (the label changed, or the attribute they depend on did) dropped until nothing changes.
 * The draft keeps every value, so switching back restores what was typed.
 */
export function appliedAttributes(
  definitions: AttributeDefinitions | undefined,
  subject: AttributeSubject,
): Record<string, AttributeValue> {
  const values: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(subject.attributes ?? {})) {
    if (!isBlank(value)) values[name] = value;
  }
  for (let round = 0; round <= Object.keys(values).length; round += 1) {
    let changed = false;
    for (const name of Object.keys(values)) {
      const definition = definitions?.[name];
      if (!definition || !attributeApplies(definition, { ...subject, attributes: values })) {
        delete values[name];
        changed = true;
      }
    }
    if (!changed) break;
  }
  return values;
}

/** The per-annotation attributes asked of `subject` now, in the params' order. */
export function applicableAttributes(
  definitions: AttributeDefinitions | undefined,
  subject: AttributeSubject,
): [string, AnnotationAttribute][] {
  const values = appliedAttributes(definitions, subject);
  return Object.entries(definitions ?? {}).filter(([, definition]) =>
    attributeApplies(definition, { ...subject, attributes: values }),
  );
}

/** The global (per-image) attributes, in the params' order. */
export function globalAttributes(
  definitions: AttributeDefinitions | undefined,
): [string, AnnotationAttribute][] {
  return Object.entries(definitions ?? {}).filter(([, definition]) => definition.global === true);
}
