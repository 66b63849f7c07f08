import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import SaveProblemDialog from './SaveProblemDialog.svelte';
import type { SaveProblem } from '../../state/app.svelte';

const HAND_EDITED: SaveProblem = {
  kind: 'hand_edited',
  diff: {
    path: '/p/project_docs/deploymentPlan.md',
    disk_hash: 'abc',
    removed: 1,
    added: 1,
    rows: [
      { kind: 'skipped', left_line: 1, left: null, right_line: 1, right: null, skipped: 12 },
      { kind: 'same', left_line: 13, left: '## 0. Introduction', right_line: 13, right: '## 0. Introduction', skipped: 0 },
      {
        kind: 'changed',
        left_line: 14,
        left: '<img src=x onerror="window.ran = true"> my note',
        right_line: 14,
        right: 'The new purpose',
        skipped: 0,
      },
    ],
  },
};

function renderDialog(problem: SaveProblem) {
  const handlers = { onoverwrite: vi.fn(), onkeep: vi.fn(), onsaveas: vi.fn(), onclose: vi.fn() };
  render(SaveProblemDialog, { props: { problem, saving: false, ...handlers } });
  return handlers;
}

describe('save problem dialog', () => {
  it('shows the plan on disk beside the new plan, as plain text', async () => {
    renderDialog(HAND_EDITED);
    const table = await screen.findByRole('table');
    const changed = table.querySelector<HTMLElement>('[data-kind="changed"]')!;
    expect(changed.querySelector('[data-testid="diff-left"]')!.textContent).toContain('<img src=x');
    expect(changed.querySelector('[data-testid="diff-right"]')!.textContent).toContain('The new purpose');
    expect(table.querySelector('img, script')).toBeNull();
    expect((window as unknown as { ran?: boolean }).ran).toBeUndefined();
    expect(table.textContent).toContain('12 unchanged lines');
  });

  it('offers overwrite, keep and save elsewhere', async () => {
    const handlers = renderDialog(HAND_EDITED);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Overwrite (keep a backup)' }));
    await user.click(screen.getByRole('button', { name: 'Keep the edited file' }));
    await user.click(screen.getByRole('button', { name: 'Save elsewhere…' }));
    expect(handlers.onoverwrite).toHaveBeenCalledOnce();
    expect(handlers.onkeep).toHaveBeenCalledOnce();
    expect(handlers.onsaveas).toHaveBeenCalledOnce();
  });

  it('says why a save failed and offers Save as…', async () => {
    const handlers = renderDialog({
      kind: 'failed',
      error: { code: 'write_failed', message: 'cannot write /p/plan.md: the disk is full' },
    });
    expect((await screen.findByTestId('save-failed-message')).textContent).toContain('the disk is full');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save as…' }));
    expect(handlers.onsaveas).toHaveBeenCalledOnce();
  });
});
