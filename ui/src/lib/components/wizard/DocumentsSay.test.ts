import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import DocumentsSay from './DocumentsSay.svelte';
import type { FieldDef } from '../../bindings/FieldDef';
import type { Passage } from '../../bindings/Passage';

function field(kind: FieldDef['kind']): FieldDef {
  return { id: 's6.rollback_steps', label: 'Rollback steps', help: '', kind, phase: 'mvp', heading: 'Rollback', owner: 'Release manager', options: [], columns: [] };
}

const passages: Passage[] = [
  {
    source: { path: 'docs/ops.md', line_start: 12, line_end: 14, heading: 'Operations > Rollback', excerpt: '' },
    text: 'Redeploy the previous image tag.\nRestore the nightly snapshot if the schema changed.',
    table: false,
  },
  {
    source: { path: 'docs/runbook.md', line_start: 3, line_end: 3, heading: 'Runbook', excerpt: '' },
    text: '<img src=x onerror=alert(1)> keep the old release for a week',
    table: false,
  },
];

describe('what the documents say', () => {
  it('lists each passage with its file, heading and lines, as text', () => {
    const { container } = render(DocumentsSay, { props: { field: field('long_text'), passages, onchange: vi.fn() } });
    expect(screen.getByText(/What the documents say/)).toBeTruthy();
    expect(screen.getByText('docs/ops.md › Operations > Rollback (lines 12–14)')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText(/onerror=alert/)).toBeTruthy();
  });

  it('takes a passage into a list field one item per line', async () => {
    const onchange = vi.fn();
    render(DocumentsSay, { props: { field: field('list'), passages, onchange } });
    await userEvent.click(screen.getByText(/What the documents say/));
    await userEvent.click(screen.getAllByRole('button', { name: 'Use this passage for Rollback steps' })[0]);
    expect(onchange).toHaveBeenCalledWith(['Redeploy the previous image tag.', 'Restore the nightly snapshot if the schema changed.']);
  });

  it('takes a passage into a long text field as it stands', async () => {
    const onchange = vi.fn();
    render(DocumentsSay, { props: { field: field('long_text'), passages, onchange } });
    await userEvent.click(screen.getByText(/What the documents say/));
    await userEvent.click(screen.getAllByRole('button', { name: 'Use this passage for Rollback steps' })[0]);
    expect(onchange).toHaveBeenCalledWith('Redeploy the previous image tag.\nRestore the nightly snapshot if the schema changed.');
  });

  it('dismisses a passage, and shows nothing once all are dismissed', async () => {
    render(DocumentsSay, { props: { field: field('long_text'), passages, onchange: vi.fn() } });
    await userEvent.click(screen.getByText(/What the documents say/));
    expect(screen.getByText('(2)')).toBeTruthy();
    for (const button of screen.getAllByRole('button', { name: 'Dismiss this passage for Rollback steps' })) await userEvent.click(button);
    expect(screen.queryByText(/What the documents say/)).toBeNull();
  });

  it('offers no "use" button for a table field, whose shape a passage cannot fill', async () => {
    render(DocumentsSay, { props: { field: field('table'), passages, onchange: vi.fn() } });
    await userEvent.click(screen.getByText(/What the documents say/));
    expect(screen.queryByRole('button', { name: /Use this passage/ })).toBeNull();
  });
});
