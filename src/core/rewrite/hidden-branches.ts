import { createDiagnostic, type Diagnostic } from '../diagnostics.ts';
import type { HiddenBranch } from './conditionals.ts';
import type { CDocument } from './parse-c.ts';

/**
 * `rewrite/hidden-branch` for each preprocessor branch the parser did not see
 * (`conditionals.ts`) in which `needsRewrite` finds something the rules would have changed
 * but cannot without a tree: the configuration that compiles that branch is not fully
 * rewritten. `action` completes the message.
 */
export function hiddenBranchWarnings(
  doc: CDocument,
  needsRewrite: (text: string, branch: HiddenBranch) => string | undefined,
  action: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const b of doc.hidden) {
    const what = needsRewrite(doc.text.slice(b.start, b.end), b);
    if (!what) continue;
    out.push(
      createDiagnostic(
        'rewrite/hidden-branch',
        'warning',
        `this ${b.directive} branch is read as text only, since the conditional around it cuts through a statement or declaration: ${what} in it ${action}`,
        { file: doc.file, start: b.start, end: b.end },
      ),
    );
  }
  return out;
}
