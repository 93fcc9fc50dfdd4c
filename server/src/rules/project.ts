// Rules that compare documents, or parts of documents, with each other: they
// see every commitment of the workspace at once. Registered here, run by
// engine/project.ts.

import type { ProjectEntry } from '../engine/project-index';
import type { Finding, RuleMeta } from '../engine/types';

export interface ProjectRule {
  id: string;
  meta: RuleMeta;
  /** Findings by document path. */
  check(documents: readonly ProjectEntry[]): Map<string, Finding[]>;
}

import serviceHoursConflict from './service-hours-conflict';
import slaConflict from './sla-conflict';
import slaOrder from './sla-order';
import slaUnitMismatch from './sla-unit-mismatch';
import requiredSectionManual from './required-section-manual';

export const PROJECT_RULES: readonly ProjectRule[] = [slaConflict, slaUnitMismatch, slaOrder, serviceHoursConflict, requiredSectionManual];
