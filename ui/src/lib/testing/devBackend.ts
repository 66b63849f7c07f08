// A stand-in for the Rust core when the UI runs in a plain browser
// (`npm run dev` without Tauri). Development only: main.ts loads it behind
// `import.meta.env.DEV`, so it never reaches a build. The definition is a
// snapshot of the core's plan::steps(); the app itself always asks the core.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { Answers } from '../bindings/Answers';
import type { FieldDef } from '../bindings/FieldDef';
import { isEmptyValue, valueAsList, valueAsTable, valueAsText } from '../answers';
import type { Preview, ProjectView, WizardDefinition } from '../types';
import definitionJson from './definition.sample.json';

const definition = definitionJson as WizardDefinition;
const source = (path: string, line: number, heading: string, excerpt: string) => ({
  path,
  line_start: line,
  line_end: line,
  heading,
  excerpt,
});

function sampleProject(): ProjectView {
  const answers: Answers = {
    values: {
      's0.mvp_scope': {
        value: ['US-001 Browse catalogue', 'US-002 Add to cart', 'US-004 Checkout with card'],
        origin: 'document',
        sources: [source('project_docs/userStories.md', 12, 'MVP Stories', '| US-001 | Browse catalogue | Must |')],
      },
      's0.mvp_launch': {
        value: 'Week 10-11',
        origin: 'document',
        sources: [source('project_docs/businessRequirements.md', 88, 'Timeline > Milestones', 'MVP launch: Week 10-11')],
      },
      's1.mvp_pattern': {
        value: 'Blue/Green',
        origin: 'proposed',
        reason:
          'The documents require 99.9% availability (technicalSpecification.md › NFRs > Reliability (line 212)); Blue/Green keeps the previous version ready to switch back to.',
      },
      's2.environments': {
        value: [
          ['Development', 'Daily work', 'Terraform', '1 node', '1 node'],
          ['Staging', 'Release rehearsal', 'Terraform', '1 node', '3 nodes'],
          ['Production', 'Live users', 'Terraform', '2 nodes', '6 nodes'],
        ],
        origin: 'document',
        sources: [source('project_docs/testStrategy.md', 30, 'Test Environments', 'Staging mirrors production.')],
      },
      's3.ci_tool': {
        value: 'GitHub Actions',
        origin: 'document',
        sources: [source('project_docs/technicalSpecification.md', 40, 'Tech Stack > CI/CD', 'GitHub Actions runs the build and tests on every pull request.')],
      },
      's5.observability': { value: ['Prometheus', 'Grafana', 'Sentry'], origin: 'document' },
    },
  };
  return {
    root: '/home/dev/projects/sample-shop',
    name: 'Sample Shop',
    documents: [
      { path: 'project_docs/technicalSpecification.md', role: 'SPEC', reason: 'canonical file name', bytes: 31_240 },
      { path: 'project_docs/businessRequirements.md', role: 'BRD', reason: 'canonical file name', bytes: 12_002 },
      { path: 'project_docs/userStories.md', role: 'STORIES', reason: 'canonical file name', bytes: 26_675 },
      { path: 'project_docs/testStrategy.md', role: 'TEST', reason: 'canonical file name', bytes: 9_800 },
      { path: 'README.md', role: null, reason: 'no planning headings', bytes: 1_200 },
    ],
    missing_roles: [
      { role: 'SECURITY', label: 'Security requirements', feeds: 'compliance, secure configuration, secrets, scanning, policy-as-code' },
    ],
    facts: [],
    answers,
    draft_restored: false,
    plan_path: '/home/dev/projects/sample-shop/project_docs/deploymentPlan.md',
    warnings: [],
    passages: {},
  };
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

function renderField(field: FieldDef, answers: Answers): { md: string; html: string } {
  const answer = answers.values[field.id];
  const tbd = `TBD — owner: ${field.owner}`;
  if (!answer || isEmptyValue(answer.value)) return { md: `**${field.label}:** ${tbd}`, html: `<p><strong>${escape(field.label)}:</strong> <em>${escape(tbd)}</em></p>` };
  const mark = answer.origin === 'proposed' ? ' _(proposed)_' : '';
  const markHtml = answer.origin === 'proposed' ? ' <em>(proposed)</em>' : '';
  if (field.kind === 'table') {
    const rows = valueAsTable(answer.value, field.columns.length);
    const head = `<tr>${field.columns.map((c) => `<th>${escape(c)}</th>`).join('')}</tr>`;
    const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('');
    return { md: `| ${field.columns.join(' | ')} |`, html: `<p><strong>${escape(field.label)}</strong>${markHtml}</p><table><thead>${head}</thead><tbody>${body}</tbody></table>` };
  }
  if (field.kind === 'list' || field.kind === 'checklist' || field.kind === 'multi_choice') {
    const items = valueAsList(answer.value);
    return { md: items.map((i) => `- ${i}`).join('\n'), html: `<p><strong>${escape(field.label)}</strong>${markHtml}</p><ul>${items.map((i) => `<li>${escape(i)}</li>`).join('')}</ul>` };
  }
  const text = valueAsText(answer.value);
  return { md: `**${field.label}:** ${text}${mark}`, html: `<p><strong>${escape(field.label)}:</strong> ${escape(text)}${markHtml}</p>` };
}

function render(answers: Answers): Preview {
  const md: string[] = ['# Advanced Deployment Plan'];
  const html: string[] = ['<h1>Advanced Deployment Plan</h1>'];
  for (const step of definition.steps) {
    md.push(`## ${step.number}. ${step.title}`);
    html.push(`<h2>${escape(`${step.number}. ${step.title}`)}</h2>`);
    let heading = '';
    for (const field of step.fields) {
      if (field.heading !== heading) {
        heading = field.heading;
        md.push(`### ${heading}`);
        html.push(`<h3>${escape(heading)}</h3>`);
      }
      const out = renderField(field, answers);
      md.push(out.md);
      html.push(out.html);
    }
    if (step.id === 's4') {
      const stages = valueAsList(answers.values['s4.mvp_stages']?.value);
      const chart = ['flowchart LR', ...(stages.length ? stages : ['Build', 'Test', 'Deploy']).map((s, i, all) => (i ? `  S${i - 1}["${all[i - 1]}"] --> S${i}["${s}"]` : `  S0["${s}"]`))].join('\n');
      md.push('```mermaid\n' + chart + '\n```');
      html.push(`<pre><code class="language-mermaid">${escape(chart)}\n</code></pre>`);
    }
  }
  return { markdown: md.join('\n\n'), html: html.join('\n'), core_ms: 0 };
}

export function installDevBackend(): void {
  let recent = [{ path: '/home/dev/projects/sample-shop', name: 'Sample Shop' }];
  mockIPC(async (command, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    await new Promise((resolve) => setTimeout(resolve, 30));
    switch (command) {
      case 'startup_project':
        return null;
      case 'wizard_definition':
        return definition;
      case 'recent_projects':
        return recent;
      case 'pick_folder':
        return window.prompt('Folder to open (dev stand-in for the native dialog)');
      case 'open_sample_project':
        return sampleProject();
      case 'open_project': {
        const path = String(args.path);
        if (!path.includes('sample')) throw { code: 'project_not_found', message: `project folder not found: ${path}` };
        recent = [{ path, name: path.split('/').pop() ?? path }, ...recent.filter((r) => r.path !== path)];
        return sampleProject();
      }
      case 'render_preview':
        return render(args.answers as Answers);
      case 'save_draft':
        return null;
      case 'save_plan':
        return { path: sampleProject().plan_path, backup: null };
      default:
        throw { code: 'unknown_command', message: `dev backend does not know ${command}` };
    }
  });
}
