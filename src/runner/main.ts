/**
 * `npm run runner -- [--host H] [--port N] [--allow-origin URL] [--token T]`: the runner on
 * its own, for a class. Listens on 127.0.0.1:8787 unless told otherwise; Ctrl+C stops it and
 * removes its job directories.
 */
import { parseArgs } from 'node:util';
import { startRunner } from './runner.ts';

const USAGE = 'usage: npm run runner -- [--host H] [--port N] [--allow-origin URL] [--token T]\n';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '8787' },
        'allow-origin': { type: 'string' },
        token: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`bad port ${values.port}\n${USAGE}`);
    return 2;
  }
  const runner = await startRunner({
    host: values.host,
    port,
    ...(values['allow-origin'] !== undefined ? { allowOrigin: values['allow-origin'] } : {}),
    ...(values.token !== undefined ? { token: values.token } : {}),
    logger: true,
  });
  process.stdout.write(`FlexOS runner on ${runner.url} (Ctrl+C to stop)\n`);
  for (const t of runner.server.targets) {
    const runs = t.mechanisms.filter((m) => m.enforced).map((m) => m.mechanism);
    const why = t.available ? '' : ` (unavailable: ${t.reason ?? '?'})`;
    process.stdout.write(`  target ${t.id}: ${runs.join(', ') || 'nothing'}${why}\n`);
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await runner.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`runner: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
