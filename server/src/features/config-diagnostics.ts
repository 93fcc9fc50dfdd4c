// Diagnostics on .policylintrc files themselves. A config error names the
// file, line and key (config/load.ts); in the editor it belongs on that key,
// whether the file is open (checked as it is typed) or only found on disk
// while resolving a document's config.

import { readFileSync } from 'node:fs';
import { DiagnosticSeverity, DocumentDiagnosticReportKind, type Diagnostic, type DocumentDiagnosticReport, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { dirname, join } from 'node:path';
import { ConfigError, parseConfigTextWithPositions } from '../config/load';
import { checkConfigVocabulary } from '../policy/config-vocabulary';
import { LineIndex } from '../engine/position';
import { SOURCE } from './convert';
import { pathToUri, uriToPath } from './uri';
import type { Workspace } from './workspace';

/**
 * Offset of a 1-based line and code-point column (what ConfigError carries).
 * LineIndex converts the other way only (toPoint); this is its inverse, kept
 * here until the engine has it. The JSON loader counts columns after a BOM.
 */

const TOKEN = /^(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n])*'|[^\s,:{}[\]]+)/;

export function configErrorDiagnostic(error: ConfigError, text: string): Diagnostic {
  const lines = new LineIndex(text);
  const start = lines.fromPoint(error.line, error.column);
  // Underline the key (or value) the error points at, not just one character.
  const token = TOKEN.exec(text.slice(start, lines.lineEnd(lines.lineOf(start))));
  const end = start + (token ? token[0].length : 0);
  return {
    range: { start: lines.toLsp(start), end: lines.toLsp(end) },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    code: 'config',
    message: `${error.key ? `"${error.key}": ` : ''}${error.detail}`,
  };
}

/** The file as typed: its schema, then the topic ids and commitment keys it names (topics of the configs it applies with count). */
function diagnose(file: string, text: string, knownTopics: Iterable<string>): Diagnostic[] {
  try {
    const { config, locate } = parseConfigTextWithPositions(file, text);
    const problem = checkConfigVocabulary(config, { topics: new Set([...knownTopics, ...Object.keys(config.topics ?? {})]) });
    if (problem) {
      const at = locate(problem.path);
      throw new ConfigError(file, at.line, at.column, problem.path.join('.'), problem.message);
    }
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return [configErrorDiagnostic(e, text)];
    throw e;
  }
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

export class ConfigDiagnostics {
  /** Config files with problems that the client has been told about (workspace pull), by path. */
  private readonly reported = new Set<string>();

  constructor(private readonly workspace: Workspace) {}

  /** The diagnostics of an open config document, from its current text. */
  forOpenDocument(uri: string): Diagnostic[] {
    const doc = this.workspace.documents.get(uri);
    if (!doc) return [];
    const file = uriToPath(uri);
    const around = this.workspace.configs.forPath(join(dirname(file), 'x'), []).config;
    return diagnose(file, doc.getText(), Object.keys(around.topics ?? {}));
  }

  pull(uri: string, previousResultId: string | undefined): DocumentDiagnosticReport {
    const items = this.forOpenDocument(uri);
    const resultId = `config:${JSON.stringify(items)}`;
    if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  }

  /** Config files that failed to load while resolving documents' configs, and those that are fixed now. */
  workspaceReports(previous: Map<string, string>): WorkspaceDocumentDiagnosticReport[] {
    const out: WorkspaceDocumentDiagnosticReport[] = [];
    const errors = this.workspace.configs.errors();
    const open = new Set(this.workspace.documents.keys().map(uriToPath));
    for (const [file, error] of errors) {
      if (open.has(file)) continue;
      const items = [configErrorDiagnostic(error, readOrEmpty(file))];
      const resultId = `config:${JSON.stringify(items)}`;
      this.reported.add(file);
      if (previous.get(file) !== resultId) out.push({ kind: DocumentDiagnosticReportKind.Full, uri: pathToUri(file), version: null, resultId, items });
    }
    for (const file of [...this.reported]) {
      if (errors.has(file) || open.has(file)) continue;
      this.reported.delete(file);
      out.push({ kind: DocumentDiagnosticReportKind.Full, uri: pathToUri(file), version: null, resultId: 'config:[]', items: [] });
    }
    return out;
  }

  /** Push mode: every config file with a problem, and those fixed since last time (empty list). */
  pushable(): { uri: string; diagnostics: Diagnostic[] }[] {
    return this.workspaceReports(new Map()).map((r) => ({ uri: r.uri, diagnostics: r.kind === DocumentDiagnosticReportKind.Full ? r.items : [] }));
  }
}
