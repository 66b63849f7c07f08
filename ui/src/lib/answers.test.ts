import { describe, expect, it } from 'vitest';
import { isEmptyValue, linkedChoices, linkedColumns, stepProgress, valueAsList, valueAsTable, valueAsText } from './answers';
import { everyKindStep, sampleAnswers } from './testing/fixtures';
import type { Answers } from './bindings/Answers';
import type { StepDef } from './bindings/StepDef';
import type { Value } from './bindings/Value';
import coreCases from './bindings/coreCases.json';

describe('isEmptyValue', () => {
  it('treats blank text, blank items and blank cells as empty', () => {
    expect(isEmptyValue(undefined)).toBe(true);
    expect(isEmptyValue('  ')).toBe(true);
    expect(isEmptyValue(['', ' '])).toBe(true);
    expect(isEmptyValue([['', ''], [' ']])).toBe(true);
    expect(isEmptyValue([])).toBe(true);
    expect(isEmptyValue('x')).toBe(false);
    expect(isEmptyValue(['', 'a'])).toBe(false);
    expect(isEmptyValue([['', 'b']])).toBe(false);
  });
});

describe('value shapes', () => {
  it('reads any value in the shape a control needs', () => {
    expect(valueAsText(['a', 'b'])).toBe('a\nb');
    expect(valueAsList('a')).toEqual(['a']);
    expect(valueAsList('')).toEqual([]);
    expect(valueAsTable(['a', 'b'], 2)).toEqual([
      ['a', ''],
      ['b', ''],
    ]);
    expect(valueAsTable([['a', 'b', 'c']], 2)).toEqual([['a', 'b']]);
  });
});

describe('stepProgress', () => {
  it('counts empty fields as TBD and unconfirmed proposals separately', () => {
    const progress = stepProgress(everyKindStep, sampleAnswers());
    // s1.choice is proposed, s1.table is documented; the other five are empty.
    expect(progress.tbd.map((field) => field.id)).toEqual(['s1.text', 's1.long', 's1.multi', 's1.list', 's1.checks']);
    expect(progress.proposed.map((field) => field.id)).toEqual(['s1.choice']);
    expect(progress.complete).toBe(false);
  });

  it('counts a field whose items are all blank as TBD', () => {
    const answers = { values: { 's1.list': { value: ['', ' '], origin: 'user' as const } } };
    expect(stepProgress(everyKindStep, answers).tbd.map((field) => field.id)).toContain('s1.list');
  });

  it('calls a step complete when everything is answered and confirmed', () => {
    const values = Object.fromEntries(
      everyKindStep.fields.map((field) => [field.id, { value: field.kind === 'table' ? [['x', 'y']] : 'x', origin: 'user' as const }]),
    );
    const progress = stepProgress(everyKindStep, { values });
    expect(progress).toMatchObject({ tbd: [], proposed: [], complete: true });
  });
});

describe('choices from another field (options_from)', () => {
  const table = everyKindStep.fields.find((field) => field.id === 's1.table')!;

  it('are the first cells of the named field’s rows, blanks and repeats dropped', () => {
    const raci = { ...table, id: 's1.raci', columns: ['Activity', 'Responsible', 'Accountable'], options_from: 's11.roles' };
    const answers = {
      values: {
        's11.roles': { value: [['Release Manager', 'Ana'], [' QA Lead ', 'Bo'], ['', 'x'], ['Release Manager', 'Cy']], origin: 'user' as const },
      },
    };
    expect(linkedChoices(raci, answers)).toEqual(['Release Manager', 'QA Lead']);
    expect(linkedChoices(table, answers)).toEqual([]);
    expect(linkedChoices({ ...raci, options_from: 's99.none' }, answers)).toEqual([]);
  });

  it('apply to the named columns, else to Owner, Responsible and Accountable', () => {
    const raci = { ...table, columns: ['Activity', 'Responsible', 'Accountable', 'Informed'], options_from: 's11.roles' };
    expect(linkedColumns(raci)).toEqual(['Responsible', 'Accountable']);
    expect(linkedColumns({ ...raci, options_columns: ['Informed'] })).toEqual(['Informed']);
    expect(linkedColumns({ ...table, columns: ['Check', 'Owner'] })).toEqual([]);
  });
});

// The helpers above are small copies of the core's rules, kept here to answer
// at every keystroke without IPC. `cargo test` writes the core's own results
// for a set of cases to bindings/coreCases.json (src/answers.rs); these tests
// hold the copies to them.
describe('the copies agree with the core', () => {
  type ValueCase = { value: Value; is_empty: boolean; lines: string[] };
  type ProgressCase = { step: string; answers: Answers; tbd: string[]; proposed: string[] };
  // JSON's inferred type is too literal to compare with the bindings.
  const { values, steps, progress } = coreCases as unknown as { values: ValueCase[]; steps: StepDef[]; progress: ProgressCase[] };

  it('has cases to check', () => {
    expect(values.length).toBeGreaterThan(5);
    expect(progress.length).toBeGreaterThan(2);
  });

  it.each(values.map((c) => [JSON.stringify(c.value), c] as const))('isEmptyValue(%s) is Value::is_empty', (_, c) => {
    expect(isEmptyValue(c.value)).toBe(c.is_empty);
  });

  it.each(values.map((c) => [JSON.stringify(c.value), c] as const))('valueAsList(%s) is Value::lines', (_, c) => {
    // One difference on purpose: an empty text is no line at all in a list
    // control (the core never lists an empty value's lines).
    expect(valueAsList(c.value)).toEqual(c.value === '' ? [] : c.lines);
  });

  it.each(progress.map((c, index) => [`${c.step} #${index}`, c] as const))('stepProgress(%s) is Answers::open_fields', (_, c) => {
    const step = steps.find((s) => s.id === c.step);
    expect(step).toBeDefined();
    const result = stepProgress(step!, c.answers);
    expect(result.tbd.map((field) => field.id)).toEqual(c.tbd);
    expect(result.proposed.map((field) => field.id)).toEqual(c.proposed);
    expect(result.total).toBe(step!.fields.length);
    expect(result.complete).toBe(c.tbd.length === 0 && c.proposed.length === 0);
  });
});
