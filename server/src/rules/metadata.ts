// Every rule's id and metadata, per-document and project-wide, for formatters
// (SARIF's rule list) and generated docs.
import { RULES } from '.';
import { PROJECT_RULES } from './project';

export const ALL_RULES = [...RULES, ...PROJECT_RULES];
