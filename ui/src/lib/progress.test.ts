import { describe, expect, it } from 'vitest';
import { describeProgress, progressFraction } from './progress';
import type { ProgressStep } from './bindings/ProgressStep';

const step = (stage: ProgressStep['stage'], done = 0, total: number | null = null): ProgressStep => ({
  stage,
  done,
  total,
  detail: null,
});

describe('progress in words', () => {
  it('counts what was looked at and read', () => {
    expect(describeProgress(step('looking'))).toBe('Looking for documents…');
    expect(describeProgress(step('looking', 12400))).toBe('Looking for documents… 12,400 files and folders checked');
    expect(describeProgress(step('reading', 0, 37))).toBe('Reading documents… 1 of 37');
    expect(describeProgress(step('reading', 36, 37))).toBe('Reading documents… 37 of 37');
  });

  it('names each export stage', () => {
    expect(describeProgress(step('rendering'))).toBe('Preparing the plan…');
    expect(describeProgress(step('drawing_diagrams', 0, 6))).toBe('Drawing 6 diagrams…');
    expect(describeProgress(step('drawing_diagrams', 0, 1))).toBe('Drawing 1 diagram…');
    expect(describeProgress(step('printing_pdf'))).toBe('Printing the PDF…');
  });

  it('gives a fraction only when the end is known', () => {
    expect(progressFraction(step('reading', 10, 40))).toBe(0.25);
    expect(progressFraction(step('looking', 500))).toBeNull();
    expect(progressFraction(step('reading', 0, 0))).toBeNull();
    expect(progressFraction(step('extracting'))).toBeNull();
  });
});
