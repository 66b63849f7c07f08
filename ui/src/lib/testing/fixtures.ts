// Small, hand-made fixtures for unit tests: one step with a field of every
// kind, and a project that answers some of them.
import type { Answers } from '../bindings/Answers';
import type { StepDef } from '../bindings/StepDef';
import type { ProjectView, RoleLabel, WizardDefinition } from '../types';
import coreCases from '../bindings/coreCases.json';

export const everyKindStep: StepDef = {
  id: 's1',
  number: 1,
  title: 'Every Kind',
  intro: 'A step with one field of each kind.',
  fields: [
    { id: 's1.text', label: 'Short text', help: 'Help for short text.', kind: 'text', phase: 'general', heading: 'Texts', owner: 'Release Manager', options: [], columns: [] },
    { id: 's1.long', label: 'Long text', help: 'Help for long text.', kind: 'long_text', phase: 'mvp', heading: 'Texts', owner: 'Release Manager', options: [], columns: [] },
    { id: 's1.choice', label: 'Pattern', help: 'Pick one.', kind: 'choice', phase: 'mvp', heading: 'Choices', owner: 'DevOps Engineer', options: ['Rolling Update', 'Blue/Green', 'Canary'], columns: [] },
    { id: 's1.multi', label: 'Tools', help: 'Pick any.', kind: 'multi_choice', phase: 'post_mvp', heading: 'Choices', owner: 'DevOps Engineer', options: ['Prometheus', 'Grafana'], columns: [] },
    { id: 's1.list', label: 'Stages', help: 'In order.', kind: 'list', phase: 'general', heading: 'Lists', owner: 'DevOps Engineer', options: [], columns: [] },
    { id: 's1.checks', label: 'Checks', help: 'To tick off.', kind: 'checklist', phase: 'general', heading: 'Lists', owner: 'QA Lead', options: [], columns: [] },
    { id: 's1.table', label: 'Environments', help: 'One row each.', kind: 'table', phase: 'general', heading: 'Tables', owner: 'DevOps Engineer', options: [], columns: ['Environment', 'Purpose'] },
  ],
};

export const introStep: StepDef = {
  id: 's0',
  number: 0,
  title: 'Introduction & Goals',
  intro: 'Why this plan exists.',
  fields: [
    { id: 's0.purpose', label: 'Purpose of this plan', help: 'One or two sentences.', kind: 'long_text', phase: 'general', heading: 'Purpose', owner: 'Release Manager', options: [], columns: [] },
    { id: 's0.mvp_launch', label: 'MVP launch target', help: 'When the MVP must be live.', kind: 'text', phase: 'mvp', heading: 'MVP Deployment Goals', owner: 'Product Owner', options: [], columns: [] },
  ],
};

export const definition: WizardDefinition = {
  steps: [introStep, everyKindStep],
  glossary: [
    { term: 'Canary release', explanation: 'A small share of users first.', keys: ['Canary release', 'Canary'] },
    { term: 'GitOps', explanation: 'Desired state kept in Git.', keys: ['GitOps'] },
  ],
  // The core's roles and labels, as `cargo test` wrote them.
  roles: coreCases.roles as RoleLabel[],
};

export function sampleAnswers(): Answers {
  return {
    values: {
      's0.mvp_launch': {
        value: 'Week 10',
        origin: 'document',
        sources: [
          { path: 'project_docs/businessRequirements.md', line_start: 40, line_end: 41, heading: 'Timeline > Milestones', excerpt: 'MVP launch: Week 10' },
        ],
      },
      's1.choice': { value: 'Blue/Green', origin: 'proposed', reason: 'The documents require 99.9% availability.' },
      's1.table': { value: [['Staging', 'Rehearsal'], ['Production', 'Live']], origin: 'document' },
    },
  };
}

export function sampleProject(answers: Answers = sampleAnswers()): ProjectView {
  return {
    root: '/home/me/shop',
    name: 'Shop',
    documents: [{ path: 'project_docs/businessRequirements.md', role: 'BRD', reason: 'canonical name', bytes: 2048 }],
    missing_roles: [{ role: 'TEST', label: 'Test strategy', feeds: 'test environments, MVP exit criteria, test roles' }],
    facts: [],
    answers,
    draft_restored: false,
    plan_path: '/home/me/shop/project_docs/deploymentPlan.md',
    warnings: [],
    passages: {},
  };
}
