import { describe, expect, it } from 'vitest';
import { findMatches } from './find';

function html(markup: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = markup;
  return root;
}

describe('findMatches', () => {
  it('finds every occurrence, whatever the case', () => {
    const root = html('<p>Rollback first. Then roll back the <em>ROLLBACK</em> plan.</p>');
    expect(findMatches(root, 'rollback').map((range) => range.toString())).toEqual(['Rollback', 'ROLLBACK']);
  });

  it('finds text split by inline markup', () => {
    const root = html('<p>Use a <strong>blue</strong>-green switch.</p>');
    const [match] = findMatches(root, 'blue-green');
    expect(match.toString()).toBe('blue-green');
  });

  it('skips diagram sources and drawn diagrams', () => {
    const root = html('<pre class="mermaid">graph TD; Deploy--&gt;Verify</pre><svg><text>Deploy</text></svg><p>Deploy</p>');
    expect(findMatches(root, 'deploy')).toHaveLength(1);
  });

  it('finds nothing for an empty query or a missing word', () => {
    const root = html('<p>Plan</p>');
    expect(findMatches(root, '  ')).toEqual([]);
    expect(findMatches(root, 'canary')).toEqual([]);
  });

  it('does not overlap matches', () => {
    expect(findMatches(html('<p>aaaa</p>'), 'aa')).toHaveLength(2);
  });
});
