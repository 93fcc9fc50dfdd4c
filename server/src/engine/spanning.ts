// The Markdown constructs that go on across blank lines: front matter, fenced
// code, and the HTML blocks CommonMark ends only at a closing marker (comments,
// <pre>/<script>/<style>/<textarea>, <?…?>, <!X…>, <![CDATA[…]]>). A blank line
// ends every other block, and a line in column 0 after it closes every list
// and quote, so outside these such a line starts afresh. The chunker
// (chunks.ts) cuts only there, and the plain-prose path (plain-blocks.ts)
// builds a block itself only when none of its lines is inside one.
//
// Marking a line too much sends it to remark: safe. Marking too little is not,
// and the danger is a line this scan takes for a closing fence that remark
// takes for an opening one (the fence it "closes" was in a list item that had
// already ended). So a fence is followed only when it opens in column 0 at the
// start of a block, where nothing else can hold it; any other fence-like line,
// and any closing line that could also open something, ends the scan: every
// line after it is marked.

import type { LineIndex } from './position';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const FENCE_CHARACTER = /^ {0,3}[`~]/;
/** HTML blocks of CommonMark's kinds 1, 3, 4 and 5, with the marker that ends each. Kind 2, comments, is found anywhere in a line. */
const RAW_HTML: readonly { open: RegExp; close: RegExp }[] = [
  { open: /^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, close: /<\/(?:script|pre|style|textarea)>/i },
  { open: /^ {0,3}<\?/, close: /\?>/ },
  { open: /^ {0,3}<![A-Za-z]/, close: />/ },
  { open: /^ {0,3}<!\[CDATA\[/, close: /\]\]>/ },
];
// Taken wider to open and narrower to close than the YAML extension's own: marking too much is what is safe.
const FRONT_MATTER_OPEN = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)/;
const FRONT_MATTER_CLOSE = /^---$/;
/** Markdown's blank line: spaces and tabs only (a line of U+3000 is text). */
export const BLANK = /^[ \t]*$/;

/** Whether a line could open a construct that spans blank lines. */
function couldOpen(content: string): boolean {
  return FENCE.test(content) || content.includes('<!--') || RAW_HTML.some((kind) => kind.open.test(content));
}

/**
 * For each line, 1 when it continues a construct that spans blank lines (the
 * lines after the one that opens it, up to and with the one that closes it) or
 * comes after a line this scan cannot be sure of. The opening line itself is 0:
 * a block may start there.
 */
export function spanningLines(text: string, lines: LineIndex): Uint8Array {
  const inside = new Uint8Array(lines.lineCount);
  const giveUp = (line: number) => {
    inside.fill(1, line);
    return inside;
  };
  let line = 0;
  if (FRONT_MATTER_OPEN.test(text)) {
    for (line = 1; line < lines.lineCount && !FRONT_MATTER_CLOSE.test(lines.lineText(line)); line++) {
      // When it is not YAML, remark reads it as Markdown, and a fence in it is a fence.
      if (couldOpen(lines.lineText(line))) return giveUp(1);
    }
    inside.fill(1, 1, Math.min(line + 1, lines.lineCount));
    line++;
  }
  let close: ((content: string) => boolean) | undefined;
  // Whether remark must read the open construct as this scan does: it opened in column 0 at the start of a block.
  let sure = false;
  let blockStart = true;
  for (; line < lines.lineCount; line++) {
    // A BOM is not part of the first line's Markdown.
    const content = line === 0 && text.charCodeAt(0) === 0xfeff ? lines.lineText(0).slice(1) : lines.lineText(line);
    if (close) {
      inside[line] = 1;
      // In a construct remark may not have opened, a line that opens one may be where remark's begins.
      if (!sure && couldOpen(content)) return giveUp(line + 1);
      if (close(content)) close = undefined;
      blockStart = false;
      continue;
    }
    const atBlockStart = blockStart && content[0] !== ' ' && content[0] !== '\t';
    blockStart = BLANK.test(content);
    // Most lines open nothing: no `<`, no backtick or tilde where a fence would begin.
    if (!content.includes('<') && !FENCE_CHARACTER.test(content)) continue;
    const fence = FENCE.exec(content);
    if (fence) {
      if (!atBlockStart) return giveUp(line + 1);
      const marker = fence[1]!;
      const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      close = (c) => closing.test(c);
      sure = true;
      continue;
    }
    const comment = content.lastIndexOf('<!--');
    if (comment >= 0 && content.indexOf('-->', comment + 4) < 0) {
      close = (c) => c.includes('-->');
      // `<!-->` and `<!--->` may or may not close themselves.
      sure = atBlockStart && comment === 0 && content.indexOf('-->', comment + 2) < 0;
      continue;
    }
    const html = RAW_HTML.find((kind) => kind.open.test(content));
    if (html && !html.close.test(content.slice(content.indexOf('<') + 2))) {
      close = (c) => html.close.test(c);
      sure = atBlockStart;
    }
  }
  return inside;
}
