/**
 * The prepare worker: checks and instantiates jobs with the core, off the runner's thread, so
 * a hostile workspace that takes seconds to read never delays /api/health or another job's
 * events. One job at a time; the runner terminates the worker when a job takes too long.
 */
import { parentPort } from 'node:worker_threads';
import { createNodeCParser } from '../../cli/node-parser.ts';
import { checkJob, instantiateJob } from '../build/prepare.ts';
import { enforcer, type PrepareAnswer, type PrepareRequest } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('prepare/worker.ts runs as a worker thread');
const parser = await createNodeCParser();

port.on('message', (req: PrepareRequest) => {
  let answer: PrepareAnswer;
  try {
    answer =
      req.kind === 'check'
        ? {
            id: req.id,
            kind: 'check',
            checked: checkJob(req.ws, req.mechanism, enforcer(req.enforcement)),
          }
        : {
            id: req.id,
            kind: 'instantiate',
            inst: instantiateJob(req.ws, parser, req.checked, req.sharing),
          };
  } catch (e) {
    answer = {
      id: req.id,
      kind: 'error',
      message: e instanceof Error ? (e.stack ?? e.message) : String(e),
    };
  }
  port.postMessage(answer);
});
port.postMessage({ ready: true });
