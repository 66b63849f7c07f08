import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import DocumentViewer from './DocumentViewer.svelte';
import type { DocumentText } from '../../types';

const TEXT = '# Spec\n\n<script>window.ran = true</script>\n<img src=x onerror="window.ran = true">\n## CI/CD\nGitHub Actions builds every commit.\n';

function renderViewer(load: (path: string) => Promise<DocumentText>, line_start = 5, line_end = 6) {
  const onclose = vi.fn();
  render(DocumentViewer, {
    props: { location: { path: 'project_docs/spec.md', line_start, line_end }, load, onclose },
  });
  return onclose;
}

describe('document viewer', () => {
  it('shows the document as numbered plain text and highlights the cited lines', async () => {
    const load = vi.fn(async (path: string) => ({ path, text: TEXT, lines: 6 }));
    renderViewer(load);
    expect(load).toHaveBeenCalledWith('project_docs/spec.md');
    const region = await screen.findByRole('region', { name: 'Text of project_docs/spec.md' });
    const lines = [...region.querySelectorAll<HTMLElement>('[data-line]')];
    expect(lines).toHaveLength(6);
    expect(lines.filter((line) => line.classList.contains('hit')).map((line) => line.dataset.line)).toEqual(['5', '6']);
    expect(lines[5].textContent).toContain('GitHub Actions builds every commit.');
    expect(screen.getByText(/lines 5–6/)).toBeTruthy();
  });

  it('never turns document text into markup', async () => {
    renderViewer(async (path) => ({ path, text: TEXT, lines: 6 }));
    const region = await screen.findByRole('region');
    expect(region.querySelector('script, img')).toBeNull();
    expect(region.textContent).toContain('<script>window.ran = true</script>');
    expect((window as unknown as { ran?: boolean }).ran).toBeUndefined();
  });

  it('explains a refusal instead of showing anything', async () => {
    renderViewer(async () => {
      throw { code: 'outside_project', message: 'path is outside the project: ../etc/passwd' };
    });
    expect((await screen.findByRole('alert')).textContent).toContain('path is outside the project');
  });

  it('closes on Esc', async () => {
    const onclose = renderViewer(async (path) => ({ path, text: TEXT, lines: 6 }));
    await screen.findByRole('region');
    await userEvent.setup().keyboard('{Escape}');
    expect(onclose).toHaveBeenCalled();
  });
});
