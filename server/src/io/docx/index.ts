// Reads a Word .docx as Markdown the engine lints like any other document,
// with a map from each Markdown line back to its Word paragraph. Nothing in
// the package is run or fetched: macros are never inflated, external
// relationships (linked templates, sub-documents, linked pictures) are named
// in a note and left alone.

import { BodyReader } from './body';
import { toMarkdown } from './markdown';
import { Numbering } from './numbering';
import { DocxError, openPackage } from './package';
import { readStyles } from './styles';
import { child, elements, parseXml, textOf, XmlRefused, type XmlElement } from './xml';

export { DocxError, DOCX_LIMITS, type DocxFailureCode } from './package';

export interface DocxReading {
  /** The body as Markdown (no front matter). */
  markdown: string;
  /** For each Markdown line (index = line - 1), the 1-based Word paragraph, 0 where none. */
  paragraphs: number[];
  /** The document's title from its properties (docProps/core.xml), when set. */
  propertiesTitle?: string;
  /** What the reader did that the user should know (tracked changes accepted, macros not run…). */
  notes: string[];
}

/** The extensions read as Word packages. */
export const WORD_EXTENSIONS = /\.(?:docx|docm)$/i;

const OFFICE_DOCUMENT = /\/officeDocument$/;
/** Relationship types whose external target would bring content in: not fetched, said so. */
const CONTENT_BEARING = /\/(?:subDocument|aFChunk|attachedTemplate|image|oleObject|frame|package)$/;

function relationships(root: XmlElement | undefined): { id: string; type: string; target: string; external: boolean }[] {
  return elements(root, 'rel:Relationship').map((r) => ({
    id: r.attrs.Id ?? '',
    type: r.attrs.Type ?? '',
    target: r.attrs.Target ?? '',
    external: (r.attrs.TargetMode ?? '').toLowerCase() === 'external',
  }));
}

/** Resolves a relationship target against the folder of the part that holds it. */
function resolvePart(fromFolder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${fromFolder}${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function decode(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  // UTF-16 parts exist (rare); their BOM says so.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return text;
}

/** Reads a .docx (or .docm) package. Throws DocxError, whose reason says what the file is and what to do. */
export function readDocx(bytes: Uint8Array): DocxReading {
  const pkg = openPackage(bytes, (name) => /\.(?:xml|rels)$/i.test(name) && !/^word\/(?:media|embeddings|glossary)\//i.test(name));
  const parse = (name: string): XmlElement | undefined => {
    const data = pkg.parts.get(name);
    if (!data) return undefined;
    try {
      return parseXml(name, decode(data));
    } catch (e) {
      if (e instanceof XmlRefused) {
        throw new DocxError('xml', e.why === 'doctype' ? `${e.message}; save the document again from Word or WPS` : `${e.message}; the document is damaged: save it again from Word or WPS`);
      }
      throw e;
    }
  };

  const packageRels = relationships(parse('_rels/.rels'));
  const mainRel = packageRels.find((r) => OFFICE_DOCUMENT.test(r.type) && !r.external);
  const mainName = mainRel ? resolvePart('', mainRel.target) : 'word/document.xml';
  const document = parse(mainName);
  if (!document) {
    const what = pkg.names.some((n) => n.startsWith('xl/')) ? 'an Excel workbook' : pkg.names.some((n) => n.startsWith('ppt/')) ? 'a PowerPoint presentation' : 'a zip without a Word document in it';
    throw new DocxError('missing-part', `it has no ${mainName}: this is ${what}, not a Word document; save the document from Word or WPS as .docx`);
  }
  const folder = mainName.includes('/') ? mainName.slice(0, mainName.lastIndexOf('/') + 1) : '';
  const relsName = `${folder}_rels/${mainName.slice(folder.length)}.rels`;
  const docRels = relationships(parse(relsName));
  const partOf = (type: RegExp) => {
    const rel = docRels.find((r) => type.test(r.type) && !r.external);
    return rel ? parse(resolvePart(folder, rel.target)) : undefined;
  };

  const styles = readStyles(partOf(/\/styles$/));
  const numbering = new Numbering(partOf(/\/numbering$/), styles);
  const notes = (part: XmlElement | undefined, name: string) => {
    const texts = new Map<string, string>();
    for (const note of elements(part, name)) {
      const type = note.attrs['w:type'];
      if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
      texts.set(note.attrs['w:id'] ?? '', elements(note, 'w:p').map((p) => textOf(p).trim()).filter(Boolean).join(' '));
    }
    return texts;
  };

  const body = new BodyReader(styles, numbering, notes(partOf(/\/footnotes$/), 'w:footnote'), notes(partOf(/\/endnotes$/), 'w:endnote')).read(child(document, 'w:body'));
  const cjk = body.blocks.filter((b) => b.kind === 'paragraph' && /[\u4e00-\u9fff]/.test(b.text)).length;
  const { markdown, paragraphs } = toMarkdown(body, { tocTitle: cjk * 2 >= body.blocks.length ? '目录' : 'Contents' });

  const said: string[] = [];
  if (body.trackedChanges) said.push('it has tracked changes; they were read as accepted (insertions kept, deletions left out)');
  const macros = pkg.names.some((n) => /vbaProject\.bin$/i.test(n)) || /macroEnabled/i.test(JSON.stringify(parse('[Content_Types].xml') ?? {}));
  if (macros) said.push('it contains macros; policylint read its text only and never runs them');
  const external = docRels.filter((r) => r.external && CONTENT_BEARING.test(r.type));
  for (const r of external) {
    said.push(`it links to external content (${r.type.split('/').pop()}: ${r.target}); policylint does not fetch it, so that content is not linted (embed it in the document to have it checked)`);
  }

  const core = parse('docProps/core.xml');
  const title = core ? elements(core, 'dc:title').map(textOf).join('').trim() : '';
  return { markdown, paragraphs, notes: said, ...(title ? { propertiesTitle: title } : {}) };
}
