import type { Severity } from '../../engine/types';
import type { FileResult, RunSummary } from '../report';
import { wordPlace } from './word-place';
import type { FormatContext } from './context';
import { visibleControls } from './escape';

// GitHub Actions workflow commands: each line the runner sees on stdout that
// starts with `::error`, `::warning` or `::notice` becomes an annotation.

const COMMAND: Record<Severity, string> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

/**
 * Escaping for the message part, as @actions/core does it; other controls (escape sequences
 * the log viewer would render) are shown as symbols.
 */
export function escapeData(s: string): string {
  return visibleControls(s, true)
    .replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Properties are split on ',' and '=' follows a name, so ':' and ',' are escaped too. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, props: Array<[string, string | number]>, message: string): string {
  const list = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${name} ${list}::${escapeData(message)}`;
}

export function formatGithub(results: FileResult[], _summary: RunSummary, ctx: FormatContext): string {
  const lines: string[] = [];
  for (const file of results) {
    if (file.skipped) {
      const reason = ctx.locale === 'zh-CN' ? `已跳过：${file.skipped.reason}` : `skipped: ${file.skipped.reason}`;
      lines.push(command('warning', [['file', file.path], ['title', 'policylint']], reason));
    }
    for (const f of file.findings) {
      const props: Array<[string, string | number]> = [
        ['file', file.path],
        ['line', f.line],
      ];
      // GitHub refuses col/endColumn on an annotation that spans lines, so a
      // multi-line finding is reported by its lines alone.
      if (f.endLine === f.line) {
        props.push(['col', f.column], ['endLine', f.endLine], ['endColumn', f.endColumn]);
      } else {
        props.push(['endLine', f.endLine]);
      }
      props.push(['title', f.ruleId]);
      // A Word document has no lines of its own: the paragraph and headings say where to look.
      const place = wordPlace(f, ctx.locale);
      lines.push(command(COMMAND[f.severity], props, place === undefined ? f.message : `${f.message} (${place})`));
    }
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}
