import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ReviewView from './ReviewView.svelte';
import { callsOf, mockCore } from '../testing/mockCore';
import type { PlanReview } from '../bindings/PlanReview';

vi.mock('mermaid', () => ({
  default: { initialize: vi.fn(), parse: vi.fn(), render: vi.fn(async () => ({ svg: '<svg></svg>' })) },
}));

function review(signedHash: string | null = null): PlanReview {
  return {
    title: 'Plan',
    summary: [{ label: 'When', text: '2027-04-30' }],
    open_items: [{ kind: 'tbd', message: 'Rollback — TBD, owner: DevOps', anchor: 'section-1' }],
    review_file: '/p/project_docs/deploymentPlan.review.json',
    sections: [
      {
        anchor: 'section-0',
        step_id: 'overview',
        heading: 'Overview',
        hash: 'h0',
        html: '<h1>Plan</h1><h3>The plan in brief</h3><p><strong>What ships in the MVP, and when?</strong> It is to go live on 2027-04-30 <span class="badge badge-proposed">proposed</span>.</p>',
        mvp: false,
        post_mvp: false,
        reading_minutes: 2,
        comments: [],
        sign_offs: [],
      },
      {
        anchor: 'section-1',
        step_id: 's6',
        heading: '6. Rollback Strategy',
        hash: 'h2',
        html: '<h2>6. Rollback Strategy</h2><p>Canary first.</p>',
        mvp: true,
        post_mvp: false,
        reading_minutes: 1,
        comments: [],
        sign_offs: signedHash
          ? [{ reviewer: 'Ana', decision: 'approve', content_hash: signedHash, at: '2026-11-26T06:00:00Z', current: signedHash === 'h2' }]
          : [],
      },
    ],
  };
}

const props = {
  answers: { values: {} },
  steps: [],
  glossary: [{ term: 'Canary release', explanation: 'A small share of users first.', keys: ['Canary release', 'Canary'] }],
  onclose: () => {},
  onedit: () => {},
};

beforeEach(() => localStorage.clear());

describe('review view', () => {
  it('opens with the plan in brief, then the open items, and explains glossary terms', async () => {
    mockCore({ review_plan: () => review() });
    render(ReviewView, props);
    const brief = await screen.findByText(/It is to go live on 2027-04-30/);
    const first = brief.closest('section');
    expect(first?.id).toBe('review-summary');
    const open = document.getElementById('review-open');
    expect(first!.compareDocumentPosition(open!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getAllByTestId('reading-time').map((e) => e.textContent)).toEqual(['About 2 min to read', 'About 1 min to read']);
    expect(screen.getByTestId('open-count').textContent).toBe('1');
    expect(screen.getByRole('button', { name: 'Go to section' })).toBeTruthy();
    await waitFor(() => expect(document.querySelector('.term')?.textContent).toContain('Canary'));
  });

  it('asks for a name, then signs off with it', async () => {
    const calls = mockCore({ review_plan: () => review(), sign_off_section: () => review('h2') });
    render(ReviewView, props);
    const user = userEvent.setup();
    await user.click((await screen.findAllByTestId('approve'))[1]);
    expect(screen.getByTestId('review-error').textContent).toMatch(/name/);
    await user.type(screen.getByLabelText('Reviewer name'), 'Ana');
    await user.click(screen.getAllByTestId('approve')[1]);
    await screen.findByTestId('sign-off');
    expect(callsOf(calls, 'sign_off_section')[0].args).toMatchObject({ stepId: 's6', reviewer: 'Ana', decision: 'approve' });
    expect(screen.queryByTestId('sign-off-voided')).toBeNull();
  });

  it('shows a sign-off of an older version of the section as voided', async () => {
    mockCore({ review_plan: () => review('old-hash') });
    render(ReviewView, props);
    expect((await screen.findByTestId('sign-off-voided')).textContent).toMatch(/Voided/);
  });

  it('exports through the core and says where', async () => {
    const calls = mockCore({ review_plan: () => review(), export_plan_as: () => '/tmp/plan.pdf' });
    render(ReviewView, props);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('export-pdf'));
    await waitFor(() => expect(screen.getByTestId('review-status').textContent).toBe('Exported to /tmp/plan.pdf'));
    expect(callsOf(calls, 'export_plan_as')[0].args).toMatchObject({ format: 'pdf', paper: 'a4' });
  });
});
