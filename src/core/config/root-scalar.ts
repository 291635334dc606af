import { applyEdits } from '../diagnostics.ts';
import { addPair, setPairValue, yamlScalar } from '../yaml/index.ts';
import { rootPairs } from './format-editor.ts';

/**
 * Sets the top-level key `key` of a YAML text to the scalar `value` in place (its comment and
 * the other keys kept), adding the key when missing. `undefined` when the text's root is not
 * a map.
 */
export function setRootScalar(
  text: string,
  file: string,
  key: string,
  value: string,
): string | undefined {
  const top = rootPairs(text);
  if (!top) return undefined;
  const ctx = { text, file };
  const pair = top.get(key);
  const edit = pair
    ? setPairValue(ctx, pair, yamlScalar(value))
    : addPair(ctx, top.root, key, yamlScalar(value));
  return applyEdits(text, [edit]);
}
