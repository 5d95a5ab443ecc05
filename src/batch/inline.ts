import { diagnostic } from '../diagnostics/index.js';
import { t } from '../i18n/index.js';
import { loadPack, type Pack } from '../render/index.js';
import { compile } from '../compile/index.js';
import type { Compiler, CompilerSetup, Task, TaskResult } from './task.js';

/** Compiles on the calling thread: for one report, --jobs 1, and inside worker threads. */
export function inlineCompiler(setup: CompilerSetup): Compiler {
  let pack: Pack | undefined;
  return {
    async init() {
      const loaded = loadPack(setup.packDir, setup.cwd);
      pack = loaded.pack;
      return loaded.diagnostics;
    },
    async run(task: Task): Promise<TaskResult> {
      if (!pack) throw new Error('template pack not loaded');
      try {
        const c = await compile(task.display, task.source, pack, {
          formats: setup.formats,
          layout: setup.layout,
          rules: setup.rules,
          path: task.path,
          roots: [setup.cwd],
          encoding: task.encoding,
          timeLimit: setup.timeLimit,
          figures: setup.figures,
        });
        return {
          id: task.id,
          diagnostics: c.diagnostics,
          outputs: c.outputs,
          summary: c.summary && JSON.stringify(c.summary),
          dependencies: c.dependencies,
          township: c.summary?.township ?? c.data?.township.name,
        };
      } catch (e) {
        return {
          id: task.id,
          diagnostics: [
            diagnostic(task.display, {
              ruleId: 'internal/crash',
              reason: t('batch.crash', { message: (e as Error).message }),
              note: t('batch.crash.note'),
            }),
          ],
          outputs: {},
          summary: undefined,
          dependencies: [],
        };
      }
    },
    async close() {},
  };
}
