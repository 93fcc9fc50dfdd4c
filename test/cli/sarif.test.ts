import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import type { PlacedFinding, RuleDescriptor } from '../../server/src/engine/types';
import type { FileResult, RunSummary } from '../../server/src/cli/report';
import type { FormatContext } from '../../server/src/cli/formatters/index';
import { fingerprint, formatSarif, toArtifactUri, toSarifLog } from '../../server/src/cli/formatters/sarif';

// The official OASIS schema (see test/schemas/README.md). It is written for
// JSON Schema draft-04, which Ajv 8 does not load: it wants `$id` where draft-04
// says `id`, and it has no draft-04 meta-schema. The schema uses none of the
// keywords whose meaning changed after draft-04 (exclusiveMinimum/Maximum as
// booleans), which the first test checks, so renaming the root `id` and
// dropping `$schema` leaves the same constraints under Ajv's default draft-07.
const schemaPath = fileURLToPath(new URL('../schemas/sarif-schema-2.1.0.json', import.meta.url));
const schemaText = readFileSync(schemaPath, 'utf8');
const { id: schemaId, $schema: _draft, ...schemaBody } = JSON.parse(schemaText) as Record<string, unknown>;
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
const validate = ajv.compile({ $id: String(schemaId), ...schemaBody });

function rule(id: string, severity: RuleDescriptor['meta']['severity'], fixable: RuleDescriptor['meta']['fixable'] = false): RuleDescriptor {
  return {
    id,
    meta: {
      summary: { en: `Checks ${id}`, 'zh-CN': `检查 ${id}` },
      finds: `what ${id} finds`,
      description: { en: `Long description of ${id}.`, 'zh-CN': `${id} 的详细说明。` },
      severity,
      fixable,
      messages: {},
    },
  };
}

const rules = [rule('placeholder', 'error', 'fix'), rule('numbering', 'warning'), rule('sla-hours', 'info')];

function f(ruleId: string, severity: PlacedFinding['severity'], line: number, column: number, extra: Partial<PlacedFinding> = {}): PlacedFinding {
  return {
    ruleId, severity, line, column, endLine: line, endColumn: column + 4,
    start: 0, end: 4, messageId: 'm', message: `${ruleId} at ${line}:${column}`,
    related: [], fixes: [], fixable: false, ...extra,
  };
}

const results: FileResult[] = [
  {
    path: 'docs/客服 手册#1.md',
    kind: 'handbook',
    language: 'zh',
    findings: [
      f('placeholder', 'error', 3, 8, {
        related: [
          { path: 'docs/客服 手册#1.md', start: 1, end: 2, line: 9, column: 1, endLine: 9, endColumn: 3, message: '首次出现' },
          // Same text and range twice: the schema wants unique relatedLocations.
          { path: 'docs/客服 手册#1.md', start: 1, end: 2, line: 9, column: 1, endLine: 9, endColumn: 3, message: '首次出现' },
        ],
      }),
      f('numbering', 'warning', 12, 1, { endLine: 14, endColumn: 2 }),
    ],
  },
  { path: 'sla.md', kind: 'sla', language: 'en', findings: [f('sla-hours', 'info', 5, 2), f('internal-error', 'error', 1, 1)] },
  { path: 'scan.md', kind: null, language: 'en', findings: [], skipped: { reason: 'file is not valid UTF-8' } },
];
const summary: RunSummary = { files: 3, errors: 2, warnings: 1, infos: 1 };
const ctx: FormatContext = { rules, locale: 'zh-CN', cwd: '/home/me/policies', toolVersion: '1.2.3' };

describe('sarif', () => {
  const text = formatSarif(results, summary, ctx);
  const log = JSON.parse(text);
  const run = log.runs[0];

  it('uses draft-04-compatible keywords only, so the schema conversion is faithful', () => {
    expect(schemaText).not.toMatch(/"exclusive(Minimum|Maximum)"/);
    expect(schemaId).toMatch(/sarif-schema-2\.1\.0\.json$/);
  });

  it('validates against the official SARIF 2.1.0 schema', () => {
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('validates for an empty run too', () => {
    expect(validate(JSON.parse(formatSarif([], { files: 0, errors: 0, warnings: 0, infos: 0 }, ctx)))).toBe(true);
  });

  it('is a schema that can reject: broken logs fail', () => {
    const badLevel = structuredClone(log);
    badLevel.runs[0].results[0].level = 'info';
    expect(validate(badLevel)).toBe(false);
    const badRegion = structuredClone(log);
    badRegion.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(badRegion)).toBe(false);
    const dupRelated = structuredClone(log);
    for (const r of dupRelated.runs[0].results[0].relatedLocations) delete r.id;
    expect(validate(dupRelated)).toBe(false);
  });

  it('describes the tool and its rules', () => {
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = run.tool.driver;
    expect(driver).toMatchObject({ name: 'policylint', version: '1.2.3', informationUri: 'https://github.com/policylint/policylint' });
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(['placeholder', 'numbering', 'sla-hours', 'internal-error']);
    expect(driver.rules[0]).toEqual({
      id: 'placeholder',
      shortDescription: { text: '检查 placeholder' },
      fullDescription: { text: 'placeholder 的详细说明。' },
      defaultConfiguration: { level: 'error' },
      helpUri: 'https://github.com/policylint/policylint/blob/main/docs/rules/placeholder.md',
      properties: { fixable: 'fix' },
    });
    expect(driver.rules[2].defaultConfiguration.level).toBe('note');
    expect(run.columnKind).toBe('unicodeCodePoints');
    expect(run.language).toBe('zh-CN');
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///home/me/policies/' } });
  });

  it('maps each finding to a result with location, level and rule index', () => {
    expect(run.results).toHaveLength(4);
    const [placeholder, numbering, sla, internal] = run.results;
    expect(placeholder).toMatchObject({
      ruleId: 'placeholder',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'placeholder at 3:8' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'docs/%E5%AE%A2%E6%9C%8D%20%E6%89%8B%E5%86%8C%231.md', uriBaseId: '%SRCROOT%' },
            region: { startLine: 3, startColumn: 8, endLine: 3, endColumn: 12 },
          },
        },
      ],
    });
    expect(placeholder.relatedLocations).toEqual([1, 2].map((id) => ({
      id,
      physicalLocation: {
        artifactLocation: { uri: 'docs/%E5%AE%A2%E6%9C%8D%20%E6%89%8B%E5%86%8C%231.md', uriBaseId: '%SRCROOT%' },
        region: { startLine: 9, startColumn: 1, endLine: 9, endColumn: 3 },
      },
      message: { text: '首次出现' },
    })));
    expect(numbering).toMatchObject({ ruleIndex: 1, level: 'warning' });
    expect(numbering.locations[0].physicalLocation.region).toEqual({ startLine: 12, startColumn: 1, endLine: 14, endColumn: 2 });
    expect(numbering).not.toHaveProperty('relatedLocations');
    expect(sla).toMatchObject({ ruleIndex: 2, level: 'note' });
    expect(internal).toMatchObject({ ruleId: 'internal-error', ruleIndex: 3 });
  });

  it('gives stable fingerprints that tell findings apart', () => {
    const fps = run.results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['policylint/v1']);
    expect(new Set(fps).size).toBe(4);
    expect(fps[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(fps[0]).toBe(fingerprint('placeholder', 'docs/客服 手册#1.md', 3, 8));
    const again = toSarifLog(results, summary, { ...ctx, locale: 'en' });
    expect(again.runs[0]!.results![0]!.partialFingerprints).toEqual(run.results[0].partialFingerprints);
  });

  it('reports skipped files as tool notifications', () => {
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'warning',
            message: { text: 'scan.md: file is not valid UTF-8' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'scan.md', uriBaseId: '%SRCROOT%' } } }],
          },
        ],
      },
    ]);
  });

  it('encodes paths as relative URIs with forward slashes', () => {
    expect(toArtifactUri('a\\b c\\d%.md')).toBe('a/b%20c/d%25.md');
    expect(toArtifactUri('../x.md')).toBe('../x.md');
  });
});
