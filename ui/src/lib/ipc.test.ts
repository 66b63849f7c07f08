import { describe, expect, it } from 'vitest';
import { mockIPC } from '@tauri-apps/api/mocks';
import * as ipc from './ipc';
import { sampleAnswers, sampleProject } from './testing/fixtures';

type Call = { command: string; args: unknown };

function record(reply: (command: string) => unknown = () => null): Call[] {
  const calls: Call[] = [];
  mockIPC((command, args) => {
    calls.push({ command, args });
    return reply(command);
  });
  return calls;
}

describe('ipc wrappers', () => {
  it('call each command by its name with camelCase arguments', async () => {
    const calls = record();
    const answers = sampleAnswers();
    await ipc.startupProject();
    await ipc.openProject('/home/me/shop');
    await ipc.openSampleProject();
    await ipc.pickFolder();
    await ipc.recentProjects();
    await ipc.wizardDefinition();
    await ipc.renderPreview(answers);
    await ipc.saveDraft(answers);
    await ipc.savePlan(answers);
    expect(calls.map((call) => call.command)).toEqual([
      'startup_project',
      'open_project',
      'open_sample_project',
      'pick_folder',
      'recent_projects',
      'wizard_definition',
      'render_preview',
      'save_draft',
      'save_plan',
    ]);
    expect(calls[1].args).toEqual({ path: '/home/me/shop' });
    expect(calls[6].args).toEqual({ answers });
    expect(calls[7].args).toEqual({ answers });
    expect(calls[8].args).toEqual({ answers });
  });

  it('ask for a document’s text and a role change with the arguments the commands take', async () => {
    const calls = record();
    await ipc.documentText('project_docs/spec.md');
    await ipc.setDocumentRole('notes.md', 'TEST');
    await ipc.setDocumentRole('notes.md', null);
    expect(calls).toEqual([
      { command: 'document_text', args: { path: 'project_docs/spec.md' } },
      { command: 'set_document_role', args: { path: 'notes.md', role: 'TEST' } },
      { command: 'set_document_role', args: { path: 'notes.md', role: null } },
    ]);
  });

  it('return what the core returns', async () => {
    const project = sampleProject();
    record((command) => (command === 'open_sample_project' ? project : null));
    await expect(ipc.openSampleProject()).resolves.toEqual(project);
    await expect(ipc.pickFolder()).resolves.toBeNull();
  });

  it('surface the core’s { code, message } errors unchanged', async () => {
    mockIPC(() => {
      throw { code: 'project_not_found', message: 'project folder not found: /nowhere' };
    });
    await expect(ipc.openProject('/nowhere')).rejects.toEqual({
      code: 'project_not_found',
      message: 'project folder not found: /nowhere',
    });
  });

  it('turn any other failure into an error with a code and a message', async () => {
    mockIPC(() => {
      throw 'command save_plan not found';
    });
    await expect(ipc.savePlan({ values: {} })).rejects.toEqual({
      code: 'ipc_failed',
      message: 'command save_plan not found',
    });
    expect(ipc.toIpcError(new Error('boom'))).toEqual({ code: 'ipc_failed', message: 'boom' });
    expect(ipc.toIpcError(42).code).toBe('ipc_failed');
  });
});
