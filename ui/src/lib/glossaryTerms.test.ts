import { describe, expect, it } from 'vitest';
import { explainTerms } from './glossaryTerms';

// The short forms (`keys`) are the core's (`plan::term_keys`, tested there).
const glossary = [
  { term: 'Canary release', explanation: 'A small share of users first.', keys: ['Canary release', 'Canary'] },
  { term: 'IaC (Infrastructure as Code)', explanation: 'Infrastructure in versioned files.', keys: ['IaC', 'Infrastructure as Code'] },
  { term: 'MVP', explanation: 'Minimum viable product.', keys: ['MVP'] },
];

describe('glossary terms', () => {
  it('explains the first occurrence of each term, as focusable text with a tooltip', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>Argo MVP is a name. Use Canary for later, canary again; IaC via Terraform. The mvp word is lowercase. MVP here.</p><pre>Canary</pre>';
    expect(explainTerms(root, glossary)).toBe(3);
    const terms = [...root.querySelectorAll<HTMLElement>('.term')];
    expect(terms.map((t) => t.dataset.term)).toEqual(['Canary release', 'IaC (Infrastructure as Code)', 'MVP']);
    const tip = root.querySelector(`#${terms[0].getAttribute('aria-describedby')}`);
    expect(tip?.textContent).toBe('Canary release: A small share of users first.');
    expect(terms[0].tabIndex).toBe(0);
    expect(root.querySelector('pre')?.innerHTML).toBe('Canary');
    // Running again marks nothing twice.
    expect(explainTerms(root, glossary)).toBe(0);
  });

  it('sets explanations as text, never as markup', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>Canary</p>';
    explainTerms(root, [{ term: 'Canary', explanation: '<img src=x onerror=alert(1)>', keys: ['Canary'] }]);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.tip')?.textContent).toContain('<img');
  });
});
