import { parseImageConfig } from '../core/config/index.ts';
import type { GateSite } from '../core/explore/index.ts';
import { gateSources } from '../core/workspace/gated-sources.ts';
import { joinPath } from './format.ts';
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
  const configFile = ws.files['config.yaml'] !== undefined ? 'config.yaml' : 'kraft.yaml';
  const configText = ws.files[configFile];
  if (configText === undefined) return [];
  const { config } = parseImageConfig(configText, configFile);
  if (!config) return [];
  const parser = await createNodeCParser();
  try {
    return gateSources(ws, config, parser)
      .files.flatMap((f) => f.gates)
      .filter((g) => g.caller !== g.callee)
      .map((g) => ({
        from: g.caller,
        to: g.callee,
        span: { ...g.span, file: joinPath(dir, g.span.file) },
      }));
  } finally {
    parser.delete();
  }
}
