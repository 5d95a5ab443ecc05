/** Worker thread entry: loads the template pack once, then compiles the tasks it is sent, one after another. */
import { parentPort, workerData } from 'node:worker_threads';
import { setLang } from '../i18n/index.js';
import { inlineCompiler } from './inline.js';
import type { CompilerSetup, Task } from './task.js';

const port = parentPort;
if (!port) throw new Error('worker.cjs runs as a worker thread');
const setup = workerData as CompilerSetup;
if (setup.lang) setLang(setup.lang);
const compiler = inlineCompiler(setup);
let queue: Promise<unknown> = compiler.init().then((diagnostics) => port.postMessage({ type: 'ready', diagnostics }));
port.on('message', (task: Task) => {
  queue = queue.then(async () => {
    const result = await compiler.run(task);
    // Transfer each output's memory; copy any that shares a buffer with other data first.
    for (const [format, bytes] of Object.entries(result.outputs)) {
      if (bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength) result.outputs[format as keyof typeof result.outputs] = bytes.slice();
    }
    const transfer = Object.values(result.outputs).map((b) => b.buffer as ArrayBuffer);
    port.postMessage({ type: 'result', result }, transfer);
  });
});
