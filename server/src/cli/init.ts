// `policylint init`: writes a commented `.policylintrc.jsonc` in the working folder, with
// what the documents there say about themselves: the kinds they were read as and the
// organisation they name. Never overwrites a config.

import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFIG_FILE_NAMES } from '../config/load';
import { DEFAULT_MAX_FILE_SIZE } from '../config/limits';
import { readTextFile } from '../io/write';
import { runPipeline } from './pipeline';
import { EXIT_FAILURE, EXIT_OK, reportFailure } from './run';

export interface InitOptions {
  cwd: string;
  toolVersion: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Company names as policies write them: 华信云服科技有限公司, Acme Support Ltd. */
const ORGANISATION_PATTERNS = [/[\p{Script=Han}（）()]{2,24}?(?:股份有限公司|有限责任公司|有限公司|集团)/gu, /\b[A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,4},? (?:Inc\.|Ltd\.?|LLC|Limited|GmbH|Corp\.|plc)/g];

export async function runInit(options: InitOptions): Promise<number> {
  const existing = CONFIG_FILE_NAMES.find((n) => existsSync(join(options.cwd, n)));
  if (existing) {
    options.stderr(`policylint: ${existing} already exists here; init writes a new config only where there is none. Edit that file, or remove it first.\n`);
    return EXIT_FAILURE;
  }
  let run;
  try {
    run = await runPipeline({ patterns: [], cwd: options.cwd, config: false, fix: false, fixDryRun: false, allCommitments: false, workspace: false, toolVersion: options.toolVersion, stdout: () => {}, stderr: () => {} });
  } catch (e) {
    return reportFailure(e, options);
  }
  const kinds = new Map<string, number>();
  let others = 0;
  for (const a of run.analyses.values()) {
    if (a.kind) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
    else others++;
  }
  const organisations = new Map<string, number>();
  for (const file of run.files) {
    for (const r of run.analyses.get(file)?.commitments ?? []) if (r.organization) organisations.set(r.organization, (organisations.get(r.organization) ?? 0) + 5);
    const read = await readTextFile(file, DEFAULT_MAX_FILE_SIZE);
    if (!read.ok) continue;
    for (const pattern of ORGANISATION_PATTERNS) for (const m of read.text.slice(0, 4000).matchAll(pattern)) organisations.set(m[0], (organisations.get(m[0]) ?? 0) + 1);
  }
  const organisation = [...organisations].sort((a, b) => b[1] - a[1])[0]?.[0];
  const text = configText(run.files.length, kinds, others, organisation);
  const target = join(options.cwd, '.policylintrc.jsonc');
  try {
    await writeFile(target, text, { encoding: 'utf8', flag: 'wx' });
  } catch (e) {
    options.stderr(`policylint: cannot write .policylintrc.jsonc (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).\n`);
    return EXIT_FAILURE;
  }
  const found = [...kinds].map(([k, n]) => `${n} ${k}`).join(', ') || 'no service policy';
  options.stdout(`Wrote .policylintrc.jsonc (${run.files.length} Markdown file${run.files.length === 1 ? '' : 's'}: ${found}${organisation ? `; organisation ${organisation}` : ''}).\n`);
  return EXIT_OK;
}

function configText(files: number, kinds: Map<string, number>, others: number, organisation: string | undefined): string {
  const found = [...kinds].sort((a, b) => b[1] - a[1]);
  const summary = found.map(([k, n]) => `${n} ${k}`).join(', ');
  const single = found.length === 1 ? found[0]![0] : undefined;
  const lines = [
    '// policylint configuration, written by `policylint init`. Every setting is described in',
    '// docs/configuration.md; the file is data only (JSON with comments).',
    '{',
    '  "$schema": "./node_modules/policylint/schemas/policylintrc.schema.json",',
    '',
    '  // This folder is the workspace root: configs above it are not read, and the',
    '  // cross-document checks (sla-conflict, …) see every document below it.',
    '  "root": true,',
    '',
    `  // Found ${files} Markdown file${files === 1 ? '' : 's'}: ${summary || 'no service policy'}${others > 0 ? `; ${others} not read as a service policy` : ''}.`,
    '  // A document says its kind in front matter (kind: sla) or its title; this is for those that don\'t.',
    `  ${single ? '' : '// '}"kind": "${single ?? 'handbook'}",`,
    '',
    '  // Promises are compared only among documents of one organisation.',
    organisation ? `  "organization": ${JSON.stringify(organisation)},` : '  // "organization": "Your Company Ltd.",',
    '',
    '  // Severities: "error", "warning", "info" or "off" (docs/rules/).',
    '  "rules": {',
    '    // "empty-section": "off"',
    '  },',
    '',
    '  // An organisation\'s standard values, checked by sla-conflict: channel.metric[.scope].',
    '  "commitments": {',
    '    // "email.acknowledge": "4h"',
    '  },',
    '',
    '  // Globs of files not to lint, relative to this folder.',
    '  "ignore": []',
    '}',
    '',
  ];
  return lines.join('\n');
}
