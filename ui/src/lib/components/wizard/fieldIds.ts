// DOM ids and test ids for a field's elements, in one place.

/** A DOM id for a field's control (field ids contain dots). */
export function controlId(fieldId: string): string {
  return `field-${fieldId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function helpId(fieldId: string): string {
  return `${controlId(fieldId)}-help`;
}

/** The stable test id of a field's main control. */
export function testId(fieldId: string): string {
  return `field-${fieldId}`;
}

/** The placeholder an empty field shows. */
export function tbdText(owner: string): string {
  return `TBD — owner: ${owner}`;
}
