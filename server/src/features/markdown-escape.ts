// Document text shown inside Markdown (hovers). Everything a document says is
// data: HTML is neutralised as entities and Markdown syntax is escaped, so a
// policy containing <script> or [links](javascript:…) renders as text.

// Not '.': escaped text never starts a line, so "1." cannot become a list.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-!|~]/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, ' ');
}

/** Shortens to at most `max` code points, with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A link target that cannot break out of the Markdown link syntax. */
export function safeLinkTarget(uri: string): string {
  return uri.replace(/[()\s<>"\\]/g, (c) => encodeURIComponent(c));
}
