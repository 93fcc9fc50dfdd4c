// The rule registry. Adding a rule means adding its file here and its fixtures
// under test/fixtures/<rule-id>/.

import documentLimit from './document-limit';
import duplicateHeading from './duplicate-heading';
import emptySection from './empty-section';
import frontMatter from './front-matter';
import numbering from './numbering';
import placeholder from './placeholder';
import regulatoryLimit from './regulatory-limit';
import requiredSection from './required-section';
import slaPlaceholder from './sla-placeholder';
import tocMismatch from './toc-mismatch';
import vagueCommitment from './vague-commitment';

export const RULES = [
  requiredSection,
  placeholder,
  numbering,
  duplicateHeading,
  tocMismatch,
  emptySection,
  frontMatter,
  vagueCommitment,
  slaPlaceholder,
  regulatoryLimit,
  documentLimit,
] as const;

