import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Place, RuleDescriptor, Severity } from '../../engine/types';
import type { FileResult, ReportedFinding, RunSummary } from '../report';
import type { FormatContext } from './context';
import { jsonSafe } from './escape';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/policylint/policylint';
export const RULE_DOCS_BASE = 'https://github.com/policylint/policylint/blob/main/docs/rules/';
const SRCROOT = '%SRCROOT%';
/** Bump when the inputs to the hash change, so consumers do not match old and new fingerprints. */
const FINGERPRINT_KEY = 'policylint/v1';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/**
 * Our paths are relative with forward slashes; a SARIF uri must be a valid URI
 * reference, so every segment is percent-encoded (spaces, CJK names, '#', '%').
 */
export function toArtifactUri(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** The %SRCROOT% base must end with a slash, or relative uris resolve against its parent. */
function srcRootUri(cwd: string): string {
  const href = pathToFileURL(cwd).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function region(p: Place): Sarif.Region {
  return { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn };
}

/**
 * A Word document's lines are those of its Markdown conversion; the place a reader looks for is
 * the paragraph and its headings, given as logical locations (the innermost first, as SARIF says).
 */
function logical(f: ReportedFinding): { logicalLocations?: Sarif.LogicalLocation[] } {
  if (f.paragraph === undefined && f.headingPath === undefined) return {};
  const headings = f.headingPath ?? [];
  const out: Sarif.LogicalLocation[] = [];
  if (f.paragraph !== undefined) {
    out.push({ name: `paragraph ${f.paragraph}`, kind: 'paragraph', ...(headings.length > 0 ? { fullyQualifiedName: [...headings, `paragraph ${f.paragraph}`].join(' › ') } : {}) });
  }
  for (let i = headings.length - 1; i >= 0; i--) out.push({ name: headings[i]!, kind: 'section', fullyQualifiedName: headings.slice(0, i + 1).join(' › ') });
  return { logicalLocations: out };
}

function artifact(path: string): Sarif.ArtifactLocation {
  return { uri: toArtifactUri(path), uriBaseId: SRCROOT };
}

/**
 * No line text reaches the formatter, so the fingerprint is built from what
 * identifies a finding here: rule, file and place. The message is left out on
 * purpose so that rewording a message does not make every result look new.
 */
export function fingerprint(ruleId: string, path: string, line: number, column: number): string {
  return createHash('sha256').update(`${ruleId}\u0000${path}\u0000${line}\u0000${column}`).digest('hex');
}

function descriptor(rule: RuleDescriptor, ctx: FormatContext): Sarif.ReportingDescriptor {
  return {
    id: rule.id,
    shortDescription: { text: rule.meta.summary[ctx.locale] },
    fullDescription: { text: rule.meta.description[ctx.locale] },
    defaultConfiguration: { level: LEVEL[rule.meta.severity] },
    helpUri: `${RULE_DOCS_BASE}${encodeURIComponent(rule.id)}.md`,
    properties: { fixable: rule.meta.fixable },
  };
}

export function toSarifLog(results: FileResult[], _summary: RunSummary, ctx: FormatContext): Sarif.Log {
  const rules = ctx.rules.map((r) => descriptor(r, ctx));
  const ruleIndex = new Map<string, number>();
  rules.forEach((r, i) => {
    if (!ruleIndex.has(r.id)) ruleIndex.set(r.id, i);
  });
  // A finding from a rule the caller did not list (an internal check, say)
  // still needs a valid ruleIndex, so it gets a bare descriptor of its own.
  const indexOf = (id: string): number => {
    let i = ruleIndex.get(id);
    if (i === undefined) {
      i = rules.push({ id, helpUri: `${RULE_DOCS_BASE}${encodeURIComponent(id)}.md` }) - 1;
      ruleIndex.set(id, i);
    }
    return i;
  };

  const sarifResults: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];

  for (const file of results) {
    if (file.skipped) {
      notifications.push({
        level: 'warning',
        message: { text: `${file.path}: ${file.skipped.reason}` },
        locations: [{ physicalLocation: { artifactLocation: artifact(file.path) } }],
      });
    }
    for (const f of file.findings) {
      const result: Sarif.Result = {
        ruleId: f.ruleId,
        ruleIndex: indexOf(f.ruleId),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: artifact(file.path), region: region(f) }, ...logical(f) }],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(f.ruleId, file.path, f.line, f.column) },
      };
      if (f.related.length > 0) {
        // relatedLocations must hold unique items; the id keeps two related
        // places with the same text and range distinct, as the spec intends.
        result.relatedLocations = f.related.map((r, i) => ({
          id: i + 1,
          physicalLocation: { artifactLocation: artifact(r.path), region: region(r) },
          message: { text: r.message },
        }));
      }
      sarifResults.push(result);
    }
  }

  const invocation: Sarif.Invocation = { executionSuccessful: true };
  if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'policylint',
            version: ctx.toolVersion,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        invocations: [invocation],
        language: ctx.locale,
        originalUriBaseIds: { [SRCROOT]: { uri: srcRootUri(ctx.cwd) } },
        // Our columns count code points; SARIF assumes UTF-16 units unless told.
        columnKind: 'unicodeCodePoints',
        results: sarifResults,
        ...shardProperties(results, ctx.shard),
      },
    ],
  };
}

/** A shard's run carries, in its property bag, what `policylint merge` needs for cross-document checks. */
function shardProperties(results: FileResult[], shard: FormatContext['shard']): { properties?: Sarif.PropertyBag } {
  const files = results.filter((f) => f.workspace).map((f) => ({ path: f.path, kind: f.kind, language: f.language, ...f.workspace }));
  if (!shard && files.length === 0) return {};
  return { properties: { policylintWorkspace: files, ...(shard ? { policylintShard: { index: shard.index, count: shard.count, files: shard.files } } : {}) } };
}

export function formatSarif(results: FileResult[], summary: RunSummary, ctx: FormatContext): string {
  return jsonSafe(JSON.stringify(toSarifLog(results, summary, ctx), null, 2)) + '\n';
}
