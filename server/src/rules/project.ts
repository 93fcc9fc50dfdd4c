// Rules that compare documents, or parts of documents, with each other: they
// see every commitment of the workspace at once. Registered here, run by
// lint/project-index.ts.

import serviceHoursConflict from './service-hours-conflict';
import slaConflict from './sla-conflict';
import slaOrder from './sla-order';
import slaUnitMismatch from './sla-unit-mismatch';
import requiredSectionManual from './required-section-manual';

export const PROJECT_RULES = [slaConflict, slaUnitMismatch, slaOrder, serviceHoursConflict, requiredSectionManual] as const;
