#!/usr/bin/env node
// The `flexos` command. Runs the TypeScript sources directly through tsx, so the CLI is always
// the code in this checkout with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
