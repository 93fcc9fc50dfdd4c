// Every rule's id and metadata, per-document and project-wide, for formatters
// (SARIF's rule list) and generated docs.
import { RULES } from '.';
import { PROJECT_RULES } from './project';

// A project rule may share its id with a per-document rule (required-section for multi-page manuals): one entry per id.
export const ALL_RULES = [...RULES, ...PROJECT_RULES.filter((p) => !RULES.some((r) => r.id === p.id))];
