// Word packages written by hand, as XML zipped in the test: every numbering
// level, style and field is spelled out, so a test says exactly what Word
// would have saved.

import { zipSync, strToU8 } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface DocxParts {
  /** The children of w:body. */
  body: string;
  /** The children of w:numbering. */
  numbering?: string;
  /** The children of w:styles (the heading styles below are always there). */
  styles?: string;
  /** The children of w:footnotes. */
  footnotes?: string;
  /** Extra relationships of document.xml (<Relationship …/> elements). */
  rels?: string;
  /** Any other entries, by name. */
  extra?: Record<string, string | Uint8Array>;
  /** Replaces document.xml entirely. */
  documentXml?: string;
}

const HEADINGS = [1, 2, 3]
  .map((n) => `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/><w:pPr><w:outlineLvl w:val="${n - 1}"/></w:pPr></w:style>`)
  .join('');

export const BASE_STYLES = `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${HEADINGS}<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style><w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/></w:style>`;

export function makeDocx(parts: DocxParts): Buffer {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}"><Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>${parts.rels ?? ''}</Relationships>`,
    ),
    'word/document.xml': strToU8(parts.documentXml ?? `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body>${parts.body}</w:body></w:document>`),
    'word/styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">${BASE_STYLES}${parts.styles ?? ''}</w:styles>`),
    'word/numbering.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">${parts.numbering ?? ''}</w:numbering>`),
    'word/footnotes.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="${W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>${parts.footnotes ?? ''}</w:footnotes>`),
  };
  for (const [name, data] of Object.entries(parts.extra ?? {})) files[name] = typeof data === 'string' ? strToU8(data) : data;
  return Buffer.from(zipSync(files));
}

/** A paragraph: text, with an optional style and list (numId, ilvl). */
export function p(text: string, opts: { style?: string; numId?: number; ilvl?: number } = {}): string {
  const numPr = opts.numId !== undefined ? `<w:numPr><w:ilvl w:val="${opts.ilvl ?? 0}"/><w:numId w:val="${opts.numId}"/></w:numPr>` : '';
  const pPr = opts.style || numPr ? `<w:pPr>${opts.style ? `<w:pStyle w:val="${opts.style}"/>` : ''}${numPr}</w:pPr>` : '';
  return `<w:p>${pPr}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/** One list level of an abstract list. */
export function lvl(ilvl: number, format: string, text: string, extra = ''): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
}

/** An abstract list and one instance of it with the same id. */
export function list(id: number, levels: string, instanceExtra = ''): string {
  return `<w:abstractNum w:abstractNumId="${id}">${levels}</w:abstractNum><w:num w:numId="${id}"><w:abstractNumId w:val="${id}"/>${instanceExtra}</w:num>`;
}

/** An OLE compound file's first bytes and the stream names that tell a .doc from an encrypted .docx. */
function oleFile(...streams: string[]): Buffer {
  const magic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return Buffer.concat([magic, Buffer.alloc(504), ...streams.map((s) => Buffer.from(s, 'utf16le')), Buffer.alloc(512)]);
}

const POLICY_BODY = p('客户服务手册', { style: 'Title' }) + p('热线电话须在20秒内接通。');

/** Word files a user may really have, each wrong in its own way. */
export const BAD_WORD_FILES = {
  notZip: () => Buffer.from('This is a plain text file that someone renamed to .docx.\n'),
  docBinary: () => oleFile('Root Entry', 'WordDocument', '1Table', 'SummaryInformation'),
  encrypted: () => oleFile('Root Entry', 'EncryptionInfo', 'EncryptedPackage', 'DataSpaces'),
  truncated: () => makeDocx({ body: POLICY_BODY }).subarray(0, 700),
  // 4 MB of one repeated character: deflate packs it about 1000 to 1.
  zipBomb: () => Buffer.from(zipSync({ 'word/document.xml': new Uint8Array(4 * 1024 * 1024).fill(0x20), '[Content_Types].xml': strToU8('<Types/>') }, { level: 9 })),
  noDocument: () => Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'), 'xl/workbook.xml': strToU8('<workbook/>') })),
  entityDeclaration: () =>
    makeDocx({
      body: '',
      documentXml: '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>',
    }),
  externalTemplate: () =>
    makeDocx({
      body: POLICY_BODY,
      rels: '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="http://templates.example/policy.dotm" TargetMode="External"/>',
    }),
  macroEnabled: () =>
    makeDocx({
      body: POLICY_BODY,
      extra: {
        '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
        'word/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]),
      },
    }),
};
