import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every directory of examples/, as the build bundles them. */
export const EXAMPLE_SLUGS = readdirSync(join(import.meta.dirname, '../../examples')).filter((d) =>
  statSync(join(import.meta.dirname, '../../examples', d)).isDirectory(),
);
