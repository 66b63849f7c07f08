import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { FieldDef } from '../../bindings/FieldDef';
import type { Value } from '../../bindings/Value';
import ChoiceControl from './ChoiceControl.svelte';
import ListControl from './ListControl.svelte';
import MultiChoiceControl from './MultiChoiceControl.svelte';
import TableControl from './TableControl.svelte';
import { everyKindStep } from '../../testing/fixtures';

function field(id: string): FieldDef {
  return everyKindStep.fields.find((f) => f.id === id)!;
}

/** Renders a control whose value follows its own changes, like the app does. */
function renderControl(component: typeof TableControl, id: string, initial: Value | undefined) {
  const changes: Value[] = [];
  let props = $state({ field: field(id), value: initial, onchange: (value: Value) => {} });
  props.onchange = (value: Value) => {
    changes.push(value);
    props.value = value;
  };
  render(component, { props });
  return changes;
}

describe('table editor', () => {
  it('adds and removes rows, labelling every cell by column and row', async () => {
    const changes = renderControl(TableControl, 's1.table', [['Staging', 'Rehearsal']]);
    const user = userEvent.setup();
    expect(screen.getByLabelText('Environment row 1')).toHaveProperty('value', 'Staging');

    await user.click(screen.getByRole('button', { name: '+ Add row' }));
    expect(changes.at(-1)).toEqual([
      ['Staging', 'Rehearsal'],
      ['', ''],
    ]);
    expect(document.activeElement).toBe(screen.getByTestId('field-s1.table-1-0'));
    await user.type(screen.getByLabelText('Purpose row 2'), 'Live');
    expect(changes.at(-1)).toEqual([
      ['Staging', 'Rehearsal'],
      ['', 'Live'],
    ]);

    await user.click(screen.getByRole('button', { name: 'Remove row 1' }));
    expect(changes.at(-1)).toEqual([['', 'Live']]);
    expect(screen.getAllByRole('row')).toHaveLength(2); // header + one row
  });

  it('shows the owner when there are no rows', () => {
    renderControl(TableControl, 's1.table', undefined);
    expect(screen.getByText('TBD — owner: DevOps Engineer')).toBeTruthy();
  });
});

describe('list editor', () => {
  it('adds, edits, moves and removes items with labelled buttons', async () => {
    const changes = renderControl(ListControl as typeof TableControl, 's1.list', ['Build', 'Deploy']);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Move item 2 up' }));
    expect(changes.at(-1)).toEqual(['Deploy', 'Build']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move item 1 down' }));
    await user.click(screen.getByRole('button', { name: '+ Add item' }));
    await user.keyboard('Smoke test');
    expect(changes.at(-1)).toEqual(['Deploy', 'Build', 'Smoke test']);
    await user.click(screen.getByRole('button', { name: 'Remove item 1' }));
    expect(changes.at(-1)).toEqual(['Build', 'Smoke test']);
    expect(screen.getByTestId('field-s1.list-1')).toHaveProperty('value', 'Smoke test');
  });
});

describe('choice', () => {
  it('offers the options and "Other…", whose text becomes the value', async () => {
    const changes = renderControl(ChoiceControl as typeof TableControl, 's1.choice', undefined);
    const user = userEvent.setup();
    const select = screen.getByTestId('field-s1.choice');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'TBD — owner: DevOps Engineer',
      'Rolling Update',
      'Blue/Green',
      'Canary',
      'Other…',
    ]);
    await user.selectOptions(select, 'Canary');
    expect(changes.at(-1)).toBe('Canary');
    await user.selectOptions(select, 'Other…');
    await user.type(screen.getByLabelText('Pattern: other value'), 'Shadow');
    expect(changes.at(-1)).toBe('Shadow');
  });

  it('shows a value that is not an option as "Other…"', () => {
    renderControl(ChoiceControl as typeof TableControl, 's1.choice', 'Shadow traffic');
    expect(screen.getByTestId('field-s1.choice')).toHaveProperty('value', '\u0000other');
    expect(screen.getByLabelText('Pattern: other value')).toHaveProperty('value', 'Shadow traffic');
  });
});

describe('multiple choice', () => {
  it('toggles options and adds other entries', async () => {
    const changes = renderControl(MultiChoiceControl as typeof TableControl, 's1.multi', ['Grafana']);
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'Prometheus' }));
    expect(changes.at(-1)).toEqual(['Grafana', 'Prometheus']);
    await user.click(screen.getByRole('checkbox', { name: 'Grafana' }));
    expect(changes.at(-1)).toEqual(['Prometheus']);
    await user.type(screen.getByLabelText('Tools: add another'), 'Loki{Enter}');
    expect(changes.at(-1)).toEqual(['Prometheus', 'Loki']);
    expect(screen.getByRole('checkbox', { name: 'Loki' })).toHaveProperty('checked', true);
  });
});

vi.mock('mermaid', () => ({ default: {} }));
