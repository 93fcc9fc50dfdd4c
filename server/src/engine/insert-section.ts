// Where and how to insert a new top-level section so it looks as if the writer
// had typed it: in the style of its sibling headings (## 标题, 八、标题, 第八章
// 标题), before the closing part (附则, signature block) with that part
// renumbered after it, or else at the end.

import type { PolicyDocument } from './document';
import type { OutlineEntry } from './outline';
import { lineBreakOf } from './related';
import type { TextEdit } from './types';
import { describeMarker, formatValue } from './numbering';

const CLOSING_TITLE = /附则|生效|施行|签署|签名|签字|盖章|承诺人|effective|signature|signed|revision/i;
const SIGNATURE_LINE = /^[\s\u3000>*_]*(?:承诺人|签名|签字|签章|盖章|法定代表人|签订日期|签署日期|日期|signed|signature|date)[^:：\n]{0,8}[:：]/i;

/** The top-level sections: children of the title heading when the document has one, else the roots. */
export function topLevelSections(doc: PolicyDocument): OutlineEntry[] {
  const roots = doc.outline.childrenOf(-1);
  const titleEntry = roots[0] && doc.title && roots[0].span.start <= doc.title.span.start && doc.title.span.start < roots[0].span.end ? roots[0] : undefined;
  if (titleEntry && roots.length === 1) return doc.outline.childrenOf(titleEntry.index);
  return roots.filter((e) => e !== titleEntry);
}

export function insertSectionEdits(doc: PolicyDocument, title: string, body: string): TextEdit[] {
  const eol = lineBreakOf(doc);
  const sections = topLevelSections(doc);
  const closingIndex = sections.findIndex((s) => CLOSING_TITLE.test(s.title));
  const template = sections[sections.length - 1];
  const heading = (template: OutlineEntry | undefined, number?: number) => {
    if (!template) return `## ${title}`;
    const hashes = template.headingDepth ? `${'#'.repeat(template.headingDepth)} ` : '';
    if (!template.marker) return `${hashes || '## '}${title}`;
    const marker = describeMarker(template.marker, number ?? template.marker.value + 1);
    const gap = /[、.．)）]$/.test(marker) ? '' : ' ';
    return `${hashes}${marker}${gap}${title}`;
  };

  if (closingIndex >= 0) {
    const closing = sections[closingIndex]!;
    const at = doc.lines.lineStart(closing.line);
    const edits: TextEdit[] = [{ start: at, end: at, text: `${heading(closing, closing.marker?.value)}${eol}${eol}${body}${eol}${eol}` }];
    // The new section takes the closing section's number; everything after moves down one.
    for (const s of sections.slice(closingIndex)) {
      if (!s.marker || s.marker.style !== closing.marker?.style) continue;
      const numberEnd = s.markerOffset + s.marker.valueStart + s.marker.valueLength;
      edits.push({ start: s.markerOffset + s.marker.valueStart, end: numberEnd, text: formatValue(s.marker, s.marker.value + 1) });
    }
    return edits;
  }

  const signature = findSignatureBlock(doc, template);
  if (signature !== undefined) {
    return [{ start: signature, end: signature, text: `${heading(template)}${eol}${eol}${body}${eol}${eol}` }];
  }
  const end = doc.text.length;
  const lead = doc.text.endsWith('\n') || doc.text.endsWith('\r') ? eol : `${eol}${eol}`;
  return [{ start: end, end, text: `${end === 0 ? '' : lead}${heading(template)}${eol}${eol}${body}${eol}` }];
}

/** The offset of a trailing signature block (承诺人签名：…) after the last section, if any. */
function findSignatureBlock(doc: PolicyDocument, last: OutlineEntry | undefined): number | undefined {
  const from = last ? last.line + 1 : 0;
  for (let line = from; line < doc.lines.lineCount; line++) {
    if (SIGNATURE_LINE.test(doc.lines.lineText(line))) return doc.lines.lineStart(line);
  }
  return undefined;
}
