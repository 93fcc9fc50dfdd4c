// Where a finding sits in a Word document, as a reader finds it there: the
// paragraph (counted as Word's statistics count them) and the headings above.

import type { Locale } from '../../engine/types';
import type { ReportedFinding } from '../report';

export function wordPlace(f: ReportedFinding, locale: Locale): string | undefined {
  if (f.paragraph === undefined && f.headingPath === undefined) return undefined;
  const parts: string[] = [];
  if (f.paragraph !== undefined) parts.push(locale === 'zh-CN' ? `段落 ${f.paragraph}` : `paragraph ${f.paragraph}`);
  if (f.headingPath && f.headingPath.length > 0) parts.push(f.headingPath.join(' › '));
  return parts.join(' · ');
}
