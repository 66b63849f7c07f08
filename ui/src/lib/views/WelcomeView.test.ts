import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { app } from '../state/app.svelte';
import { callsOf, mockCore } from '../testing/mockCore';
import { sampleProject } from '../testing/fixtures';

vi.mock('mermaid', () => ({
  default: { initialize: vi.fn(), parse: vi.fn(), render: vi.fn(async () => ({ svg: '<svg></svg>' })) },
}));

beforeEach(() => app.reset());

describe('welcome view', () => {
  it('opens the sample project and shows the wizard', async () => {
    const calls = mockCore();
    render(App);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('open-sample'));
    expect(callsOf(calls, 'open_sample_project')).toHaveLength(1);
    expect(await screen.findByTestId('step-title')).toHaveProperty('textContent', expect.stringContaining('Introduction & Goals'));
    expect(screen.getByRole('heading', { level: 1, name: 'Shop' })).toBeTruthy();
  });

  it('lists recent projects and opens the one chosen', async () => {
    const calls = mockCore({ recent_projects: () => [{ path: '/work/shop', name: 'Shop' }] });
    render(App);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /^Shop/ }));
    await screen.findByTestId('step-title');
    expect(callsOf(calls, 'open_project')[0].args).toEqual({ path: '/work/shop' });
  });

  it('removes one recent project, then clears them all', async () => {
    const calls = mockCore({
      recent_projects: () => [
        { path: '/work/shop', name: 'Shop' },
        { path: '/work/bank', name: 'Bank' },
      ],
      forget_recent_project: () => [{ path: '/work/bank', name: 'Bank' }],
      clear_recent_projects: () => null,
    });
    render(App);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Remove Shop from recent projects' }));
    expect(callsOf(calls, 'forget_recent_project')[0].args).toEqual({ path: '/work/shop' });
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Shop/ })).toBeNull());
    expect(screen.getByRole('button', { name: /^Bank/ })).toBeTruthy();
    await user.click(screen.getByTestId('clear-recent'));
    expect(callsOf(calls, 'clear_recent_projects')).toHaveLength(1);
    expect(await screen.findByText(/No recent projects yet/)).toBeTruthy();
  });

  it('says so when there are no recent projects', async () => {
    mockCore();
    render(App);
    expect(await screen.findByText(/No recent projects yet/)).toBeTruthy();
  });

  it('opens a picked folder, and does nothing when the dialog is cancelled', async () => {
    let picked: string | null = null;
    const calls = mockCore({ pick_folder: () => picked });
    render(App);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('open-folder'));
    await waitFor(() => expect(callsOf(calls, 'pick_folder')).toHaveLength(1));
    expect(callsOf(calls, 'open_project')).toHaveLength(0);

    picked = '/home/me/shop';
    await user.click(screen.getByTestId('open-folder'));
    await screen.findByTestId('step-title');
    expect(callsOf(calls, 'open_project')[0].args).toEqual({ path: '/home/me/shop' });
  });

  it('shows the core’s error message in an alert', async () => {
    mockCore({
      open_project: () => {
        throw { code: 'project_not_found', message: 'project folder not found: /gone' };
      },
      pick_folder: () => '/gone',
    });
    render(App);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('open-folder'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('project folder not found: /gone');
    expect(alert.dataset.testid).toBe('error');
    expect(alert.dataset.code).toBe('project_not_found');
  });

  it('goes straight to the wizard for a project given on the command line, at the step it stopped', async () => {
    const project = sampleProject();
    project.answers.current_step = 's1';
    mockCore({ startup_project: () => project });
    render(App);
    expect((await screen.findByTestId('step-title')).textContent).toContain('Every Kind');
    expect(screen.getByTestId('step-s1').getAttribute('aria-current')).toBe('step');
    expect(screen.queryByTestId('open-sample')).toBeNull();
  });
});
