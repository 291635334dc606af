import type { ExploreResult } from './explore-types.ts';

/** A label value as people read it: `512,345` (estimates get `~`). */
function formatValue(value: number | undefined, kind?: string): string {
  if (value === undefined) return '';
  const rounded =
    Math.abs(value) >= 100
      ? Math.round(value).toLocaleString('en-US')
      : String(Number(value.toPrecision(4)));
  return kind === 'estimate' ? `~${rounded} (estimate)` : rounded;
}

/** The human-readable report of `flexos explore`; `ranking` adds the full ranking by level. */
export function formatReport(r: ExploreResult, opts: { ranking?: boolean } = {}): string {
  const out: string[] = [];
  out.push(
    `${r.configurations} configurations (${r.partitions} partitions × ${r.hardeningSubsets} hardening subsets), order ${r.order}`,
  );
  if (r.filtered.count > 0) {
    out.push(`Left out ${r.filtered.count} that break a component's [Requires]:`);
    for (const f of r.filtered.reasons)
      out.push(
        `  ${String(f.count).padStart(5)}  ${f.reason}${f.example ? `\n         e.g. ${f.example}` : ''}`,
      );
  }
  if (r.method === 'enumerated' && r.filtered.count > 0)
    out.push(`${r.considered} configurations considered.`);
  const source =
    r.labels === 'estimate'
      ? 'cost-model estimates, not measurements'
      : r.labels === 'table'
        ? 'imported'
        : 'measured';
  const labels =
    r.labels === 'none'
      ? 'none, so the frontier is the set of safest configurations'
      : r.lazy
        ? `${r.measured} of ${r.considered} asked for lazily (${source})`
        : r.labels === 'estimate'
          ? `cost-model estimates${r.measured > 0 ? ` of ${r.measured} configurations` : ''}, not measurements`
          : `${r.measured} ${source}`;
  out.push(`Labels: ${labels}.`);
  if (r.budget) out.push(`Budget ${r.budget}: ${r.meeting} configurations meet it.`);
  const size = r.complete
    ? `${r.frontierSize}`
    : r.method === 'structural'
      ? `${r.frontierSize}; the ${r.frontier.length} with the best estimate`
      : `${r.frontierSize}, among labelled configurations only`;
  out.push(`Frontier (${size}):`);
  const width = Math.max(0, ...r.frontier.map((m) => m.id.length));
  for (const m of r.frontier)
    out.push(
      `  ${m.id.padEnd(width)}  level ${m.level}  ${formatValue(m.value, m.kind)}`.trimEnd(),
    );
  if (r.verified !== undefined)
    out.push(
      `Verified: ${r.verified} more measured that could have been on the frontier${r.exact ? '; the frontier is exact' : ''}.`,
    );
  if (!r.exact && r.unverified > 0) {
    const why = r.lazy
      ? ' Lazy labelling left them out assuming performance does not increase along a safer edge'
      : '';
    const next = r.lazy && r.verified === undefined ? '; --verify measures them.' : '.';
    out.push(
      `Not proven exact: ${r.unverified} configurations without a label could still be on the frontier (no labelled configuration safer than them meets the budget).${why}${why ? next : ''}`,
    );
  }
  if (r.incomparable.length > 0) {
    out.push('Why they are incomparable:');
    for (const p of r.incomparable) out.push(`  A = ${p.a}\n  B = ${p.b}\n    ${p.reason}`);
  }
  if (r.hasse) {
    const least =
      r.hasse.minimal.length === 1
        ? `least element ${r.hasse.minimal[0]}`
        : `${r.hasse.minimal.length} minimal elements`;
    out.push(`Hasse diagram: ${r.hasse.edges} covering edges; ${least}.`);
  }
  if (opts.ranking && r.ranking) {
    out.push('Ranking by safety level (safest first):');
    for (const l of r.ranking) out.push(`  level ${l.level}: ${l.ids.join('  ·  ')}`);
  }
  for (const d of r.diagnostics) out.push(`${d.severity}: ${d.message} [${d.code}]`);
  return `${out.join('\n')}\n`;
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The Hasse diagram as Graphviz: safer configurations above, frontier members filled and bold,
 * configurations meeting no budget greyed by their label when labels are known.
 */
export function toDot(r: ExploreResult): string | undefined {
  if (!r.graph) return undefined;
  const frontier = new Set(r.frontier.map((m) => m.id));
  const lines = [
    'digraph poset {',
    '  rankdir=BT;',
    '  node [shape=box, fontname="monospace", fontsize=10];',
  ];
  r.graph.nodes.forEach((id, i) => {
    const v = r.graph?.values[i];
    const label = v === null || v === undefined ? id : `${id}\\n${formatValue(v)}`;
    const style = frontier.has(id) ? ', style="filled,bold", fillcolor="#ffd966", penwidth=2' : '';
    lines.push(`  n${i} [label=${quote(label).replace(/\\\\n/g, '\\n')}${style}];`);
  });
  for (const [a, b] of r.graph.edges) lines.push(`  n${a} -> n${b};`);
  lines.push(
    `  label=${quote(`${r.order} order, ${r.graph.edges.length} covering edges; frontier filled${r.budget ? ` (budget ${r.budget})` : ''}`)};`,
  );
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
