import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import WizardView from './WizardView.svelte';
import { app } from '../state/app.svelte';
import { definition, sampleProject } from '../testing/fixtures';
import { callsOf, mockCore } from '../testing/mockCore';
import type { Answers } from '../bindings/Answers';

vi.mock('mermaid', () => ({
  default: { initialize: vi.fn(), parse: vi.fn(), render: vi.fn(async () => ({ svg: '<svg></svg>' })) },
}));

async function openWizard(step = 's1') {
  app.reset();
  app.definition = definition;
  const project = sampleProject();
  project.answers.current_step = step;
  const calls = mockCore({ open_sample_project: () => project });
  await app.openSample();
  render(WizardView, { props: { app, project: app.project! } });
  return calls;
}

beforeEach(() => app.reset());

describe('wizard view', () => {
  it('renders one control per field kind from the step definition', async () => {
    await openWizard('s1');
    expect(screen.getByTestId('field-s1.text').tagName).toBe('INPUT');
    expect(screen.getByTestId('field-s1.long').tagName).toBe('TEXTAREA');
    expect(screen.getByTestId('field-s1.choice').tagName).toBe('SELECT');
    expect(within(screen.getByTestId('field-s1.multi')).getAllByRole('checkbox')).toHaveLength(2);
    expect(screen.getByTestId('field-s1.list').tagName).toBe('DIV');
    expect(screen.getByTestId('field-s1.checks').tagName).toBe('DIV');
    expect(within(screen.getByTestId('field-s1.table')).getAllByRole('columnheader').map((th) => th.textContent?.trim())).toEqual(
      ['Row', 'Environment', 'Purpose', 'Actions'],
    );
    // Real labels: the text field is found by its label, the group by its legend.
    expect(screen.getByLabelText('Short text')).toBe(screen.getByTestId('field-s1.text'));
    expect(screen.getByRole('group', { name: /Tools/ })).toBeTruthy();
    // Empty fields show who owns them.
    expect(screen.getByTestId('field-s1.text').getAttribute('placeholder')).toBe('TBD — owner: Release Manager');
    // Sub-headings group the fields.
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Texts', 'Choices', 'Lists', 'Tables']);
  });

  it('marks the current step and focuses its heading', async () => {
    await openWizard('s1');
    expect(screen.getByTestId('step-s1').getAttribute('aria-current')).toBe('step');
    expect(screen.getByTestId('step-s0').getAttribute('aria-current')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('step-title')));
  });

  it('makes typed values the user’s own, re-renders the preview and saves a draft', async () => {
    const calls = await openWizard('s1');
    await waitFor(() => expect(callsOf(calls, 'render_preview')).toHaveLength(1));
    const user = userEvent.setup();
    await user.type(screen.getByTestId('field-s1.text'), 'Hello');
    expect(app.answers.values['s1.text']).toEqual({ value: 'Hello', origin: 'user' });
    await waitFor(() => expect(callsOf(calls, 'render_preview').length).toBeGreaterThan(1));
    const last = callsOf(calls, 'render_preview').at(-1)!.args.answers as Answers;
    expect(last.values['s1.text']?.value).toBe('Hello');
    await waitFor(() => expect(callsOf(calls, 'save_draft').length).toBeGreaterThan(0));
    expect(screen.getByTestId('preview').innerHTML).toContain('<h1>Plan</h1>');
  });

  it('editing a documented value makes it the user’s', async () => {
    await openWizard('s1');
    const user = userEvent.setup();
    await user.type(screen.getByTestId('field-s1.table-1-1'), '!');
    expect(app.answers.values['s1.table']).toEqual({
      value: [
        ['Staging', 'Rehearsal'],
        ['Production', 'Live!'],
      ],
      origin: 'user',
    });
  });

  it('Accept confirms a proposal as the user’s, keeping its value', async () => {
    await openWizard('s1');
    expect(screen.getByText('Proposed')).toBeTruthy();
    expect(screen.getByText('The documents require 99.9% availability.')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Accept proposed value for Pattern' }));
    expect(app.answers.values['s1.choice']?.origin).toBe('user');
    expect(app.answers.values['s1.choice']?.value).toBe('Blue/Green');
    expect(screen.queryByText('Proposed')).toBeNull();
  });

  it('shows where a documented value came from, with its excerpt on demand', async () => {
    await openWizard('s0');
    expect(screen.getByText(/project_docs\/businessRequirements\.md › Timeline > Milestones \(lines 40–41\)/)).toBeTruthy();
    const user = userEvent.setup();
    const toggle = screen.getByRole('button', { name: 'Show excerpt' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('MVP launch: Week 10')).toBeTruthy();
  });

  it('shows each step’s progress in the step list', async () => {
    await openWizard('s1');
    // s0: purpose empty, launch documented. s1: five empty, one proposal.
    expect(screen.getByTestId('step-s0').textContent).toContain('1 TBD');
    expect(screen.getByTestId('step-s1').textContent).toContain('5 TBD, 1 proposal to confirm');
    const user = userEvent.setup();
    await user.type(screen.getByTestId('field-s1.text'), 'x');
    expect(screen.getByTestId('step-s1').textContent).toContain('4 TBD');
  });

  it('moves between steps and remembers the step in the answers', async () => {
    await openWizard('s0');
    const user = userEvent.setup();
    await user.click(screen.getByTestId('step-next'));
    expect(screen.getByTestId('step-title').textContent).toContain('1. Every Kind');
    expect(app.answers.current_step).toBe('s1');
    await user.click(screen.getByTestId('step-review'));
    expect(screen.getByTestId('step-title').textContent).toContain('Review & Save');
    expect(app.answers.current_step).toBe('review');
  });

  it('lists open items on Review & Save, each jumping to its field', async () => {
    await openWizard('review');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Short text' }));
    expect(app.answers.current_step).toBe('s1');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('field-s1.text')));
  });

  it('saves the plan and says where', async () => {
    const calls = await openWizard('s1');
    const user = userEvent.setup();
    await user.click(screen.getByTestId('save-plan'));
    await waitFor(() =>
      expect(screen.getByTestId('save-status').textContent).toBe('Saved to /home/me/shop/project_docs/deploymentPlan.md'),
    );
    expect(screen.getByTestId('save-status').getAttribute('role')).toBe('status');
    expect(callsOf(calls, 'save_plan')).toHaveLength(1);
  });

  it('opens the glossary in a dialog that Esc closes', async () => {
    await openWizard('s1');
    const user = userEvent.setup();
    await user.click(screen.getByTestId('open-glossary'));
    const dialog = screen.getByRole('dialog', { name: 'Glossary' });
    expect(within(dialog).getByText('Canary release')).toBeTruthy();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByText('Canary release')).toBeNull());
    expect(document.activeElement).toBe(screen.getByTestId('open-glossary'));
  });

  it('opens the cited document at its line from a value’s source, and Esc brings focus back', async () => {
    const text = Array.from({ length: 45 }, (_, n) => `line ${n + 1}`).join('\n');
    app.reset();
    app.definition = definition;
    const project = sampleProject();
    project.answers.current_step = 's0';
    const calls = mockCore({
      open_sample_project: () => project,
      document_text: (args) => ({ path: args.path, text, lines: 45 }),
    });
    await app.openSample();
    render(WizardView, { props: { app, project: app.project! } });
    const user = userEvent.setup();
    const source = screen.getByTestId('source-s0.mvp_launch');
    expect(source.textContent).toBe('project_docs/businessRequirements.md › Timeline > Milestones (lines 40–41)');
    await user.click(source);
    const viewer = await screen.findByRole('dialog', { name: 'project_docs/businessRequirements.md' });
    expect(callsOf(calls, 'document_text')[0].args).toEqual({ path: 'project_docs/businessRequirements.md' });
    await waitFor(() => expect(viewer.querySelectorAll('.hit')).toHaveLength(2));
    expect([...viewer.querySelectorAll<HTMLElement>('.hit')].map((line) => line.dataset.line)).toEqual(['40', '41']);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('document-viewer')).toBeNull());
    expect(document.activeElement).toBe(source);
  });

  it('reassigns a document’s role from the Documents panel, keeping the user’s answers', async () => {
    app.reset();
    app.definition = definition;
    const project = sampleProject();
    project.answers.current_step = 's1';
    const refreshed = sampleProject();
    refreshed.documents = [{ ...refreshed.documents[0], role: 'TEST', reason: 'set to TEST by you' }];
    refreshed.missing_roles = [];
    refreshed.answers.values['s1.text'] = { value: 'Mine', origin: 'user' };
    const calls = mockCore({ open_sample_project: () => project, set_document_role: () => refreshed });
    await app.openSample();
    render(WizardView, { props: { app, project: app.project! } });
    const user = userEvent.setup();
    await user.type(screen.getByTestId('field-s1.text'), 'Mine');
    await user.click(screen.getByTestId('open-documents'));
    await user.selectOptions(screen.getByLabelText('Role of project_docs/businessRequirements.md'), 'Test strategy');
    await waitFor(() => expect(callsOf(calls, 'set_document_role')).toHaveLength(1));
    expect(callsOf(calls, 'set_document_role')[0].args).toEqual({ path: 'project_docs/businessRequirements.md', role: 'TEST' });
    // The core saw the latest answers before reading the project again.
    const commands = calls.map((call) => call.command);
    const draft = commands.lastIndexOf('save_draft', commands.indexOf('set_document_role'));
    expect(draft).toBeGreaterThan(-1);
    expect((calls[draft].args.answers as Answers).values['s1.text']?.value).toBe('Mine');
    await waitFor(() => expect(app.project?.documents[0].role).toBe('TEST'));
    expect(app.answers.current_step).toBe('s1');
    expect(app.project?.missing_roles).toEqual([]);
    await waitFor(() =>
      expect(screen.getByTestId('documents-status').textContent).toContain('now fills “Test strategy”'),
    );
  });

  it('offers the values of the field named in options_from, keeping free text', async () => {
    app.reset();
    const linked = structuredClone(definition);
    const step = linked.steps[1];
    step.fields.push(
      { ...step.fields[6], id: 's1.checks_owned', label: 'Checks', heading: 'Linked', columns: ['Check', 'Owner'], options_from: 's1.table', options_columns: ['Owner'] } as typeof step.fields[number],
      { ...step.fields[2], id: 's1.where', label: 'Where', heading: 'Linked', options: [], options_from: 's1.table' } as typeof step.fields[number],
    );
    app.definition = linked;
    const project = sampleProject();
    project.answers.current_step = 's1';
    mockCore({ open_sample_project: () => project });
    await app.openSample();
    render(WizardView, { props: { app, project: app.project! } });
    const owner = screen.getByTestId('field-s1.checks_owned');
    const user = userEvent.setup();
    await user.click(within(owner).getByRole('button', { name: '+ Add row' }));
    const cell = screen.getByLabelText('Owner row 1') as HTMLInputElement;
    expect(cell.list?.id).toBeTruthy();
    expect([...cell.list!.querySelectorAll('option')].map((o) => o.value)).toEqual(['Staging', 'Production']);
    expect((screen.getByLabelText('Check row 1') as HTMLInputElement).list).toBeNull();
    await user.type(cell, 'Someone else');
    expect(app.answers.values['s1.checks_owned']?.value).toEqual([['', 'Someone else']]);
    const where = screen.getByTestId('field-s1.where') as HTMLSelectElement;
    expect([...where.options].map((o) => o.textContent)).toEqual(['TBD — owner: DevOps Engineer', 'Staging', 'Production', 'Other…']);
  });
});
