// Paragraph styles (styles.xml): which are headings and at what level, which
// are the title and TOC entries, and the numbering a style carries. Built-in
// styles keep English names ("heading 1") whatever the interface language;
// documents made in WPS or converted from elsewhere use 标题 1, and the outline
// level (w:outlineLvl) decides for any custom style.

import { child, childVal, elements, intVal, type XmlElement } from './xml';

export interface StyleInfo {
  id: string;
  name: string;
  basedOn?: string;
  /** 0-based outline level (w:outlineLvl); 9 is body text. */
  outlineLevel?: number;
  numId?: string;
  ilvl?: number;
}

export interface Styles {
  get(id: string | undefined): StyleInfo | undefined;
  /** The default paragraph style's id. */
  defaultParagraph?: string;
  /** 1-based heading level of a style, following basedOn; undefined for body styles. */
  headingLevel(id: string | undefined): number | undefined;
  isTitle(id: string | undefined): boolean;
  /** 1-based level of a TOC entry style (TOC 1, 目录 1). */
  tocLevel(id: string | undefined): number | undefined;
  /** The numbering a style gives its paragraphs (its own or inherited). */
  numbering(id: string | undefined): { numId: string; ilvl?: number } | undefined;
}

const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;
const TITLE_NAME = /^(?:title|标题)$/i;
const TOC_NAME = /^(?:toc|目录)\s*([1-9])$/i;

export function readStyles(root: XmlElement | undefined): Styles {
  const byId = new Map<string, StyleInfo>();
  let defaultParagraph: string | undefined;
  for (const s of elements(root, 'w:style')) {
    if ((s.attrs['w:type'] ?? 'paragraph') !== 'paragraph' && s.attrs['w:type'] !== 'numbering') continue;
    const id = s.attrs['w:styleId'];
    if (!id) continue;
    const pPr = child(s, 'w:pPr');
    const numPr = child(pPr, 'w:numPr');
    const info: StyleInfo = { id, name: childVal(s, 'w:name') ?? id };
    const basedOn = childVal(s, 'w:basedOn');
    if (basedOn) info.basedOn = basedOn;
    const outline = intVal(pPr, 'w:outlineLvl');
    if (outline !== undefined) info.outlineLevel = outline;
    const numId = childVal(numPr, 'w:numId');
    if (numId !== undefined) info.numId = numId;
    const ilvl = intVal(numPr, 'w:ilvl');
    if (ilvl !== undefined) info.ilvl = ilvl;
    byId.set(id, info);
    if (s.attrs['w:default'] === '1' && s.attrs['w:type'] !== 'numbering') defaultParagraph = id;
  }

  /** Walks the basedOn chain (guarded against loops) until `pick` answers. */
  function inherited<T>(id: string | undefined, pick: (s: StyleInfo) => T | undefined): T | undefined {
    const seen = new Set<string>();
    let s = id === undefined ? undefined : byId.get(id);
    while (s && !seen.has(s.id)) {
      seen.add(s.id);
      const v = pick(s);
      if (v !== undefined) return v;
      s = s.basedOn ? byId.get(s.basedOn) : undefined;
    }
    return undefined;
  }

  return {
    get: (id) => (id === undefined ? undefined : byId.get(id)),
    defaultParagraph,
    headingLevel: (id) =>
      inherited(id, (s) => {
        const named = HEADING_NAME.exec(s.name.trim()) ?? HEADING_NAME.exec(s.id);
        if (named) return Number(named[1]);
        if (s.outlineLevel !== undefined) return s.outlineLevel >= 0 && s.outlineLevel < 9 ? s.outlineLevel + 1 : 0;
        return undefined;
      }) || undefined,
    isTitle: (id) => inherited(id, (s) => (TITLE_NAME.test(s.name.trim()) || s.id === 'Title' ? true : undefined)) ?? false,
    tocLevel: (id) => inherited(id, (s) => {
      const m = TOC_NAME.exec(s.name.trim()) ?? TOC_NAME.exec(s.id);
      return m ? Number(m[1]) : undefined;
    }),
    numbering: (id) => {
      const numId = inherited(id, (s) => s.numId);
      if (numId === undefined) return undefined;
      const ilvl = inherited(id, (s) => s.ilvl);
      return ilvl === undefined ? { numId } : { numId, ilvl };
    },
  };
}
