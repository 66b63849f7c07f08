import { describe, expect, it } from 'vitest';
import { loadWizardView } from './lazyViews';

describe('lazy views', () => {
  it('loads the wizard view once, as a component, for every caller', async () => {
    const first = loadWizardView();
    expect(loadWizardView()).toBe(first);
    const component = await first;
    expect(typeof component).toBe('function');
  });
});
