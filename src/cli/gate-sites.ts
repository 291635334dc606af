import { parseImageConfig } from '../core/config/index.ts';
import type { GateSite } from '../core/explore/index.ts';
import { instantiate } from '../core/rewrite/index.ts';
import { libraryOfPath } from '../core/workspace/workspace.ts';
import type { CliIo } from './io.ts';
import { loadWorkspace } from './load-workspace.ts';
import { createNodeCParser } from './node-parser.ts';

/**
 * The gate sites of a workspace directory's sources, as the rewriter finds them when it
 * instantiates every `libs/<lib>/*.c` under the directory's config (callbacks included, calls
 * into the same library left out). Spans name `DIR/libs/...` so they print as written.
 * Empty when the directory has no sources or no usable config.
 */
export async function gateSitesOf(io: CliIo, dir: string): Promise<GateSite[]> {
  const ws = await loadWorkspace(io, dir);
  const sources = Object.keys(ws.files).filter((p) => p.endsWith('.c') && libraryOfPath(p));
  const configFile = ws.files['config.yaml'] !== undefined ? 'config.yaml' : 'kraft.yaml';
  const configText = ws.files[configFile];
  if (sources.length === 0 || configText === undefined) return [];
  const { config } = parseImageConfig(configText, configFile);
  if (!config) return [];
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  const parser = await createNodeCParser();
  try {
    return sources.flatMap((path) =>
      instantiate(parser, path, ws.files[path] ?? '', { lib: libraryOfPath(path) ?? '', config })
        .gates.filter((g) => g.caller !== g.callee)
        .map((g) => ({
          from: g.caller,
          to: g.callee,
          span: { ...g.span, file: prefix + g.span.file },
        })),
    );
  } finally {
    parser.delete();
  }
}
