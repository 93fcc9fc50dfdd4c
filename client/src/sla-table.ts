// The SLA table's HTML. Kept free of the vscode API so it can be tested on its
// own: every piece of document text goes through escapeHtml, the page has a
// strict Content-Security-Policy (no remote content, one nonce'd script), and
// the script only posts the row index back, never anything from the page.

import type { SlaTableRow } from '../../server/src/protocol';

export interface SlaTableStrings {
  title: string;
  empty: string;
  indexing: string;
  columns: { file: string; channel: string; metric: string; conditions: string; value: string; normalized: string; strength: string; status: string; text: string; legalLimit: string };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderSlaTable(rows: readonly SlaTableRow[], strings: SlaTableStrings, options: { nonce: string; cspSource: string; indexing: boolean; lang: string }): string {
  const c = strings.columns;
  // The legal-limit column appears only when a regulation pack is enabled somewhere and covers a promise.
  const legal = rows.some((r) => r.legalLimit);
  const head = [c.file, c.channel, c.metric, c.conditions, c.value, c.normalized, c.strength, c.status, ...(legal ? [c.legalLimit] : []), c.text].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((r, i) => {
      const cells = [`${r.path}:${r.line + 1}`, r.channel, r.metric, r.conditions, r.value, r.normalized, r.strength, r.statusLabel, ...(legal ? [r.legalLimit] : []), r.text].map((v) => `<td>${escapeHtml(v)}</td>`).join('');
      return `<tr class="status-${escapeHtml(r.status)}" data-row="${i}" tabindex="0">${cells}</tr>`;
    })
    .join('\n');
  const csp = [`default-src 'none'`, `style-src ${options.cspSource} 'nonce-${options.nonce}'`, `script-src 'nonce-${options.nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(strings.title)}</title>
<style nonce="${options.nonce}">
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border); vertical-align: top; }
  tbody tr { cursor: pointer; }
  tbody tr:hover, tbody tr:focus { background: var(--vscode-list-hoverBackground); }
  tr.status-conflict td { color: var(--vscode-errorForeground); }
  tr.status-placeholder td, tr.status-clock-mismatch td { color: var(--vscode-editorWarning-foreground); }
</style>
</head>
<body>
<h1>${escapeHtml(strings.title)}</h1>
${options.indexing ? `<p>${escapeHtml(strings.indexing)}</p>` : ''}
${rows.length === 0 ? `<p>${escapeHtml(strings.empty)}</p>` : `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`}
<script nonce="${options.nonce}">
  const vscode = acquireVsCodeApi();
  const open = (el) => { const row = el.closest('tr[data-row]'); if (row) vscode.postMessage({ row: Number(row.dataset.row) }); };
  document.addEventListener('click', (e) => open(e.target));
  document.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(e.target); });
</script>
</body>
</html>`;
}
