import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import DocumentsDialog from './DocumentsDialog.svelte';
import { definition, sampleProject } from '../../testing/fixtures';
import type { ProjectView } from '../../types';

function project(): ProjectView {
  const view = sampleProject();
  view.documents = [
    { path: 'project_docs/businessRequirements.md', role: 'BRD', reason: 'canonical name', bytes: 2048 },
    { path: 'notes/qa.md', role: null, reason: 'no role recognised', bytes: 300, warnings: ['not valid UTF-8 at byte 12'] },
    { path: 'docs/plan-export.md', role: null, reason: 'DeployPlan output (not read)', bytes: 9000, own_output: true },
  ];
  view.missing_roles = [
    { role: 'TEST', label: 'Test strategy', feeds: 'test environments, MVP exit criteria, test roles' },
    { role: 'UI', label: 'UI specification', feeds: 'UI framework, browsers, accessibility, assets' },
  ];
  return view;
}

function renderPanel(onrolechange = vi.fn(async () => true), onview = vi.fn()) {
  render(DocumentsDialog, { props: { open: true, project: project(), roles: definition.roles, onrolechange, onview, onclose: vi.fn() } });
  return { onrolechange, onview, dialog: screen.getByRole('dialog', { name: 'Documents' }) };
}

describe('documents panel', () => {
  it('lists each file with its role in a labelled select, the reason, size and warnings', () => {
    const { dialog } = renderPanel();
    const brd = within(dialog).getByLabelText('Role of project_docs/businessRequirements.md') as HTMLSelectElement;
    expect(brd.value).toBe('BRD');
    expect(brd.selectedOptions[0].textContent).toBe('Business requirements');
    const notes = within(dialog).getByLabelText('Role of notes/qa.md') as HTMLSelectElement;
    expect(notes.value).toBe('');
    expect(notes.selectedOptions[0].textContent).toBe('No role');
    expect(within(dialog).getByText('canonical name')).toBeTruthy();
    expect(within(dialog).getByText('2.0 KB')).toBeTruthy();
    expect(within(dialog).getByText(/not valid UTF-8 at byte 12/)).toBeTruthy();
  });

  it('says in plain words what each missing role leaves open', () => {
    renderPanel();
    const items = within(screen.getByTestId('missing-roles')).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'No test strategy found — test environments, MVP exit criteria, test roles will be left for you (TBD).',
      'No UI specification found — UI framework, browsers, accessibility, assets will be left for you (TBD).',
    ]);
  });

  it('reassigns a role with the select and says what happened', async () => {
    const { onrolechange } = renderPanel();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Role of notes/qa.md'), 'Test strategy');
    expect(onrolechange).toHaveBeenCalledWith('notes/qa.md', 'TEST');
    await waitFor(() => expect(screen.getByTestId('documents-status').textContent).toContain('notes/qa.md now fills “Test strategy”'));
    await user.selectOptions(screen.getByLabelText('Role of project_docs/businessRequirements.md'), 'No role');
    expect(onrolechange).toHaveBeenLastCalledWith('project_docs/businessRequirements.md', null);
  });

  it('opens a document from its name', async () => {
    const { onview } = renderPanel();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Open notes/qa.md' }));
    expect(onview).toHaveBeenCalledWith('notes/qa.md');
  });

  it('lists DeployPlan output as not read, with no role to choose and nothing to open', () => {
    const { dialog } = renderPanel();
    const row = within(dialog).getByTestId('document-docs/plan-export.md');
    expect(within(row).getByText('DeployPlan output (not read)')).toBeTruthy();
    expect(within(row).getByText('Not read')).toBeTruthy();
    expect(within(row).queryByRole('combobox')).toBeNull();
    expect(within(row).queryByRole('button')).toBeNull();
  });
});
