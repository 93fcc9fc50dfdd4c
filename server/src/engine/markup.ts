/** Values of ParsedMarkdown.markupLines; kept apart so the outline and rules don't pull in the parser. */
export const MARKUP_CONTENT = 1;
export const MARKUP_EMPTY = 2;
