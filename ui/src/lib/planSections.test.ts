import { describe, expect, it } from 'vitest';
import { splitSections } from './planSections';

describe('splitSections', () => {
  it('cuts before every section heading and joins back to the same HTML', () => {
    const html = '<h1>Plan</h1>\n<p>legend</p>\n<h2>0. Intro</h2>\n<p>a</p>\n<h2 id="x">1. Strategy</h2>\n<p>b</p>\n';
    const parts = splitSections(html);
    expect(parts).toEqual(['<h1>Plan</h1>\n<p>legend</p>\n', '<h2>0. Intro</h2>\n<p>a</p>\n', '<h2 id="x">1. Strategy</h2>\n<p>b</p>\n']);
    expect(parts.join('')).toBe(html);
  });

  it('cuts before sub-section headings too', () => {
    const html = '<h2>1. A</h2>\n<p>a</p>\n<h3>Workflow</h3>\n<p>b</p>\n<h4>detail</h4>\n<p>c</p>\n';
    expect(splitSections(html)).toEqual(['<h2>1. A</h2>\n<p>a</p>\n', '<h3>Workflow</h3>\n<p>b</p>\n<h4>detail</h4>\n<p>c</p>\n']);
  });

  it('does not cut at escaped text or a heading inside a line', () => {
    const html = '<h2>1. A</h2>\n<pre><code>\n&lt;h3&gt;not a heading\n</code></pre>\n<p>see <h2></p>\n';
    expect(splitSections(html)).toEqual([html]);
  });

  it('keeps an empty plan as one empty part', () => {
    expect(splitSections('')).toEqual(['']);
  });
});
