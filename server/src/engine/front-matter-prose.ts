// Some sites render a front-matter field as the page's lead paragraph: GitHub's docs show `intro:` under the
// title ("… 在您当地时区的周一至周五为优先支持请求提供八小时响应服务。"). That text is the page's own words, and is
// read as prose. Only one-line values of the fields sites show are read; the rest of the front matter is data.

import { ProseBlock } from './parsed-markdown';
import type { Span } from './types';

/** The fields a page shows as its lead: GitHub docs' intro, Hugo's summary and lead. */
const SHOWN_FIELD = /^(?:intro|lead|lede|summary|subtitle)[ \t]*:[ \t]*(['"]?)(.+?)\1[ \t]*\r?$/gm;

/** A paragraph for each shown field of the front matter in `span`. */
export function frontMatterProse(text: string, span: Span): ProseBlock[] {
  const raw = text.slice(span.start, span.end);
  const out: ProseBlock[] = [];
  for (const m of raw.matchAll(SHOWN_FIELD)) {
    // A trailing comment of a plain value ("intro: Support for… # shown under the title") is not the page's text.
    const comment = m[1] ? -1 : m[2]!.search(/\s#/);
    const value = comment >= 0 ? m[2]!.slice(0, comment) : m[2]!;
    // A block or folded scalar (intro: >-) starts on the next lines: not read.
    if (/^[>|][-+]?$/.test(value.trim())) continue;
    const start = span.start + m.index! + m[0].indexOf(value, m[0].indexOf(':') + 1);
    out.push(new ProseBlock('paragraph', { start, end: start + value.length }, value, [{ textStart: 0, sourceStart: start, length: value.length }]));
  }
  return out;
}
