// Pure helpers over answers and field definitions: reading a value in the
// shape a control needs, emptiness (the core's `Value::is_empty`), and step
// progress. No state and no IPC here, so they are trivial to test.
import type { Answer } from './bindings/Answer';
import type { Answers } from './bindings/Answers';
import type { FieldDef } from './bindings/FieldDef';
import type { FieldKind } from './bindings/FieldKind';
import type { StepDef } from './bindings/StepDef';
import type { Value } from './bindings/Value';

function isTable(value: string[] | string[][]): value is string[][] {
  return value.length > 0 && Array.isArray(value[0]);
}

/** Whether there is nothing in a value (blank text, blank items, blank cells). */
export function isEmptyValue(value: Value | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (isTable(value)) return value.every((row) => row.every((cell) => cell.trim() === ''));
  return (value as string[]).every((item) => item.trim() === '');
}

/** The value as one text (list items and table rows on their own lines). */
export function valueAsText(value: Value | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (isTable(value)) return value.map((row) => row.join(' — ')).join('\n');
  return (value as string[]).join('\n');
}

/** The value as a list of lines. */
export function valueAsList(value: Value | undefined): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (isTable(value)) return value.map((row) => row.join(' — '));
  return value as string[];
}

/** The value as table rows of exactly `columns` cells. */
export function valueAsTable(value: Value | undefined, columns: number): string[][] {
  if (value === undefined) return [];
  let rows: string[][];
  if (typeof value === 'string') rows = value === '' ? [] : [[value]];
  else if (isTable(value)) rows = value;
  else rows = (value as string[]).map((item) => [item]);
  return rows.map((row) => Array.from({ length: columns }, (_, index) => row[index] ?? ''));
}

/** An empty value of the shape a kind of field holds. */
export function emptyValue(kind: FieldKind): Value {
  switch (kind) {
    case 'text':
    case 'long_text':
    case 'choice':
      return '';
    case 'multi_choice':
    case 'list':
    case 'checklist':
      return [];
    case 'table':
      return [] as string[][];
  }
}

/** The answer to a field when it holds something, else `undefined`. */
export function filledAnswer(answers: Answers, fieldId: string): Answer | undefined {
  const answer = answers.values[fieldId];
  return answer && !isEmptyValue(answer.value) ? answer : undefined;
}

/** What is still open in one step. */
export type StepProgress = {
  /** Fields with no value: written as `TBD — owner: …`. */
  tbd: FieldDef[];
  /** Fields holding a suggestion the user has not confirmed. */
  proposed: FieldDef[];
  total: number;
  complete: boolean;
};

export function stepProgress(step: StepDef, answers: Answers): StepProgress {
  const tbd: FieldDef[] = [];
  const proposed: FieldDef[] = [];
  for (const field of step.fields) {
    const answer = filledAnswer(answers, field.id);
    if (!answer) tbd.push(field);
    else if (answer.origin === 'proposed') proposed.push(field);
  }
  return {
    tbd,
    proposed,
    total: step.fields.length,
    complete: tbd.length === 0 && proposed.length === 0,
  };
}

/** "line 12" or "lines 12–14". */
export function lineRange(start: number, end: number): string {
  return end > start ? `lines ${start}–${end}` : `line ${start}`;
}

/** Human words for a count: "1 field", "3 fields". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The field whose rows supply this field's choices (`s11.roles`…), if any. */
export function optionsSource(field: FieldDef): string | null {
  return field.options_from ?? null;
}

/**
 * The columns of a table whose cells take the linked choices: those the
 * definition names, else any called Owner, Responsible or Accountable.
 */
export function linkedColumns(field: FieldDef): string[] {
  if (!optionsSource(field)) return [];
  const named = field.options_columns ?? [];
  if (named.length) return named;
  return field.columns.filter((column) => /^(owner|responsible|accountable)$/i.test(column.trim()));
}

/**
 * The choices an earlier field supplies: the first cell of each of its rows
 * (or each item of a list), trimmed, blanks and repeats dropped.
 */
export function linkedChoices(field: FieldDef, answers: Answers): string[] {
  const source = optionsSource(field);
  if (!source) return [];
  const value = answers.values[source]?.value;
  const seen = new Set<string>();
  for (const row of valueAsTable(value, 1)) {
    const choice = row[0].trim();
    if (choice) seen.add(choice);
  }
  return [...seen];
}
