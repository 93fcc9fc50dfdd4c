// The XML parts of a Word package as small element trees. Names are given
// canonical prefixes by namespace (w:, r:, mc:…), whatever prefix the file
// declared, so the reader matches "w:p" in a file that calls WordprocessingML
// "ns0". A DOCTYPE is refused outright: a Word part never has one, and an
// entity declaration is how an XML file expands without bound or reaches out.

import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

/** Why an XML part could not be read; the reader turns it into a message for the user. */
export class XmlRefused extends Error {
  constructor(
    readonly part: string,
    readonly why: 'doctype' | 'malformed' | 'too-deep',
    detail: string,
  ) {
    super(`${part}: ${detail}`);
    this.name = 'XmlRefused';
  }
}

const PREFIXES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ct',
  'urn:schemas-microsoft-com:vml': 'v',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'http://purl.org/dc/elements/1.1/': 'dc',
};

/** Deeper than any Word part gets; keeps the recursive walks far from the stack's end. */
export const MAX_XML_DEPTH = 256;

function canonical(uri: string, local: string, prefix: string): string {
  const p = PREFIXES[uri];
  if (p !== undefined) return `${p}:${local}`;
  return uri === '' ? local : `${prefix || uri}:${local}`;
}

/** Parses one part. Throws XmlRefused for a DOCTYPE, malformed XML or absurd nesting. */
export function parseXml(part: string, text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let failure: XmlRefused | undefined;
  parser.on('doctype', () => {
    failure ??= new XmlRefused(part, 'doctype', 'it declares a DOCTYPE (entities), which a Word document never has; policylint does not expand it');
    throw failure;
  });
  parser.on('error', (e) => {
    failure ??= new XmlRefused(part, 'malformed', `malformed XML (${e.message.split('\n')[0]})`);
    throw failure;
  });
  parser.on('opentag', (tag) => {
    if (stack.length > MAX_XML_DEPTH) {
      failure ??= new XmlRefused(part, 'too-deep', `elements nested deeper than ${MAX_XML_DEPTH} levels`);
      throw failure;
    }
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      attrs[canonical(a.uri, a.local, a.prefix)] = a.value;
    }
    const el: XmlElement = { name: canonical(tag.uri, tag.local, tag.prefix), attrs, children: [] };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t) => void stack[stack.length - 1]!.children.push(t));
  parser.on('cdata', (t) => void stack[stack.length - 1]!.children.push(t));
  try {
    parser.write(text).close();
  } catch (e) {
    if (failure) throw failure;
    throw new XmlRefused(part, 'malformed', `malformed XML (${(e as Error).message.split('\n')[0]})`);
  }
  if (failure) throw failure;
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) throw new XmlRefused(part, 'malformed', 'no root element');
  return top;
}

export function elements(el: XmlElement | undefined, name?: string): XmlElement[] {
  if (!el) return [];
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** The w:val of a child element, as Word writes most properties (<w:numFmt w:val="decimal"/>). */
export function childVal(el: XmlElement | undefined, name: string): string | undefined {
  return child(el, name)?.attrs['w:val'];
}

/** A property that is on when present, unless w:val says false/0/off. */
export function isOn(el: XmlElement | undefined, name: string): boolean {
  const c = child(el, name);
  if (!c) return false;
  const v = c.attrs['w:val'];
  return v === undefined || !/^(false|0|off)$/i.test(v);
}

export function intVal(el: XmlElement | undefined, name: string): number | undefined {
  const v = childVal(el, name);
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}

/** Every text node below an element, concatenated. */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
