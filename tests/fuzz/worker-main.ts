/**
 * A fuzz worker thread: generates and runs the cases the pool sends, one at a time, telling
 * the pool each stage as it starts so a hang is reported with where it happened.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createNodeCParser } from '../../src/cli/node-parser.ts';
import { generateCase } from './generate.ts';
import { runCase } from './run-case.ts';
import { collectKnownCodes, loadExamples } from './sources.ts';

const port = parentPort;
if (!port) throw new Error('worker-main.ts runs in a worker thread');
const { limitMs } = workerData as { limitMs: number };
const known = collectKnownCodes();
const examples = loadExamples();

port.on('message', async (seed: number) => {
  const parser = await createNodeCParser();
  try {
    const fuzzCase = generateCase(seed, examples);
    port.postMessage({ type: 'start', seed, kind: fuzzCase.kind });
    const report = await runCase(fuzzCase, {
      parser,
      known,
      limitMs,
      onStage: (stage) => port.postMessage({ type: 'stage', seed, stage }),
    });
    port.postMessage({ type: 'done', report });
  } catch (e) {
    // A bug of the suite itself, never of the code under test (runCase catches per stage).
    port.postMessage({
      type: 'harness-error',
      seed,
      message: e instanceof Error ? e.stack : String(e),
    });
  } finally {
    parser.delete();
  }
});
port.postMessage({ type: 'ready' });
