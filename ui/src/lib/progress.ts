// Progress reports of long tasks (opening a project, exporting) in words,
// and how far along they are for a progress bar.
import type { ProgressStep } from './bindings/ProgressStep';

const number = new Intl.NumberFormat('en');

/** What the task is doing, for the status line. */
export function describeProgress(step: ProgressStep): string {
  switch (step.stage) {
    case 'looking':
      return step.done > 0
        ? `Looking for documents… ${number.format(step.done)} files and folders checked`
        : 'Looking for documents…';
    case 'reading':
      return step.total !== null
        ? `Reading documents… ${number.format(step.done + 1)} of ${number.format(step.total)}`
        : 'Reading documents…';
    case 'extracting':
      return 'Finding the facts in the documents…';
    case 'rendering':
      return 'Preparing the plan…';
    case 'drawing_diagrams':
      return step.total ? `Drawing ${step.total} diagram${step.total === 1 ? '' : 's'}…` : 'Drawing the diagrams…';
    case 'printing_pdf':
      return 'Printing the PDF…';
  }
}

/** Done as a fraction from 0 to 1, or `null` when the end is not known. */
export function progressFraction(step: ProgressStep): number | null {
  if (step.stage !== 'reading' || !step.total) return null;
  return Math.min(1, step.done / step.total);
}
