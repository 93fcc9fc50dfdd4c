// The rest of what a reader sees in a Word document, besides numbering:
// heading styles, tables and merged cells, the TOC field, fields, footnotes,
// text boxes, tracked changes, and where each Markdown line came from.

import { describe, expect, it } from 'vitest';
import { readDocx } from '../../server/src/io/docx';
import { list, lvl, makeDocx, p } from '../helpers/docx';

const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const fieldRuns = (instr: string, result: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${instr}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${result}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
const cell = (text: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${p(text)}</w:tc>`;
const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const table = (...rows: string[]) => `<w:tbl>${rows.join('')}</w:tbl>`;

interface Case {
  name: string;
  parts: Parameters<typeof makeDocx>[0];
  markdown: string;
  notes?: RegExp[];
}

const CASES: Case[] = [
  {
    name: 'headings by style name (heading 1, 标题 2 from WPS) and by outline level; the Title style is the one #',
    parts: {
      styles: '<w:style w:type="paragraph" w:styleId="a2"><w:name w:val="标题 2"/></w:style><w:style w:type="paragraph" w:styleId="Chapter"><w:name w:val="Chapter"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="ChapterChild"><w:name w:val="Chapter child"/><w:basedOn w:val="Chapter"/></w:style>',
      body: p('客户服务手册', { style: 'Title' }) + p('总则', { style: 'Heading1' }) + p('目的', { style: 'a2' }) + p('渠道', { style: 'Chapter' }) + p('热线', { style: 'ChapterChild' }) + `<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr>${run('时间')}</w:p>`,
    },
    markdown: '# 客户服务手册\n\n## 总则\n\n### 目的\n\n## 渠道\n\n## 热线\n\n#### 时间\n',
  },
  {
    name: 'without a Title paragraph, Heading 1 is #',
    parts: { body: p('Support Policy', { style: 'Heading1' }) + p('Scope', { style: 'Heading2' }) },
    markdown: '# Support Policy\n\n## Scope\n',
  },
  {
    name: 'a table as a GFM table; a pipe in a cell is escaped',
    parts: { body: table(row(cell('渠道'), cell('时限')), row(cell('热线'), cell('20秒内接通')), row(cell('A|B'), cell(''))) },
    markdown: '| 渠道 | 时限 |\n| --- | --- |\n| 热线 | 20秒内接通 |\n| A\\|B |   |\n',
  },
  {
    name: 'merged cells (w:gridSpan, w:vMerge) as an HTML table with colspan and rowspan',
    parts: {
      body: table(
        row(cell('级别'), cell('响应时限', '<w:gridSpan w:val="2"/>')),
        row(cell('紧急', '<w:vMerge w:val="restart"/>'), cell('热线'), cell('15分钟内')),
        row(cell('', '<w:vMerge/>'), cell('邮件'), cell('1小时内')),
      ),
    },
    markdown: '<table>\n<tr><td>级别</td><td colspan="2">响应时限</td></tr>\n<tr><td rowspan="2">紧急</td><td>热线</td><td>15分钟内</td></tr>\n<tr><td>邮件</td><td>1小时内</td></tr>\n</table>\n',
  },
  {
    name: 'a TOC field: entries (page numbers dropped) under the 目录 title, not body text',
    parts: {
      body:
        p('目录', { style: 'Heading1' }) +
        `<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>${fieldRuns(' TOC \\o "1-3" \\h \\z \\u ', `<w:hyperlink w:anchor="_Toc1">${run('第一章 总则')}<w:r><w:tab/></w:r>${fieldRuns(' PAGEREF _Toc1 \\h ', run('1'))}</w:hyperlink>`).replace(/<w:r><w:fldChar w:fldCharType="end"\/><\/w:r>$/, '')}</w:p>` +
        `<w:p><w:pPr><w:pStyle w:val="TOC2"/></w:pPr>${run('1.1 目的')}<w:r><w:tab/></w:r>${run('2')}</w:p>` +
        `<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>${run('第二章 渠道')}<w:r><w:tab/></w:r>${run('3')}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
        p('第一章 总则', { style: 'Heading1' }),
    },
    markdown: '# 目录\n\n- 第一章 总则\n  - 1.1 目的\n- 第二章 渠道\n\n# 第一章 总则\n',
  },
  {
    name: 'a TOC content control with no title before it gets one, in the document\'s language',
    parts: {
      body: `<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>${p('Scope\t1', { style: 'TOC1' })}${p('Channels\t2', { style: 'TOC1' })}</w:sdtContent></w:sdt>${p('Scope', { style: 'Heading1' })}`,
    },
    markdown: 'Contents\n\n- Scope\n- Channels\n\n# Scope\n',
  },
  {
    name: 'fields show their result, never their code',
    parts: { body: `<w:p>${run('本手册共')}${fieldRuns(' NUMPAGES ', run('12'))}${run('页。')}</w:p><w:p><w:fldSimple w:instr=" DATE ">${run('2026年3月1日')}</w:fldSimple></w:p>` },
    markdown: '本手册共12页。\n\n2026年3月1日\n',
  },
  {
    name: 'hidden text (w:vanish) is left out, as Word does not show it',
    parts: { body: `<w:p>${run('热线电话须在')}<w:r><w:rPr><w:vanish/></w:rPr><w:t>（内部：60秒）</w:t></w:r>${run('20秒内接通。')}</w:p>` },
    markdown: '热线电话须在20秒内接通。\n',
  },
  {
    name: 'footnotes: a [^n] where the reference is, the note as prose at the end',
    parts: {
      body: `<w:p>${run('工作日内答复')}<w:r><w:footnoteReference w:id="2"/></w:r>${run('。')}</w:p>`,
      footnotes: `<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>${run(' 工作日指周一至周五。')}</w:p></w:footnote>`,
    },
    markdown: '工作日内答复[^1]。\n\n[^1] 工作日指周一至周五。\n',
  },
  {
    name: 'endnotes after the footnotes, labelled i, ii as Word labels them',
    parts: {
      body: `<w:p>${run('工作日')}<w:r><w:endnoteReference w:id="1"/></w:r>${run('内答复')}<w:r><w:footnoteReference w:id="2"/></w:r>${run('。')}</w:p>`,
      footnotes: `<w:footnote w:id="2"><w:p>${run('脚注。')}</w:p></w:footnote>`,
      rels: '<Relationship Id="rIdE" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>',
      extra: { 'word/endnotes.xml': `<w:endnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:endnote w:id="1"><w:p>${run('尾注。')}</w:p></w:endnote></w:endnotes>` },
    },
    markdown: '工作日[^i]内答复[^1]。\n\n[^1] 脚注。\n\n[^i] 尾注。\n',
  },
  {
    name: 'Word\'s TOC content control with its "Contents" heading inside: the heading stays the title',
    parts: {
      styles: '<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Heading1"/></w:style>',
      body: `<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>${p('Contents', { style: 'TOCHeading' })}<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>${fieldRuns(' TOC \\o "1-3" ', `${run('Scope')}<w:r><w:tab/></w:r>${run('1')}`)}</w:p></w:sdtContent></w:sdt>${p('Scope', { style: 'Heading1' })}`,
    },
    markdown: '# Contents\n\n- Scope\n\n# Scope\n',
  },
  {
    name: 'a text box after its anchor paragraph, once (the VML fallback is not read again)',
    parts: {
      body: `<w:p>${run('服务承诺如下。')}<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>${p('热线电话须在20秒内接通。')}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p('热线电话须在20秒内接通。')}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>${p('其他。')}`,
    },
    markdown: '服务承诺如下。\n\n热线电话须在20秒内接通。\n\n其他。\n',
  },
  {
    name: 'tracked changes read as accepted: insertions kept, deletions dropped, with a note',
    parts: { body: `<w:p>${run('投诉在')}<w:del w:id="1" w:author="A"><w:r><w:delText>10</w:delText></w:r></w:del><w:ins w:id="2" w:author="A">${run('5')}</w:ins>${run('个工作日内办结。')}</w:p><w:del w:id="3" w:author="A"><w:p>${run('删除的段落')}</w:p></w:del>` },
    markdown: '投诉在5个工作日内办结。\n',
    notes: [/tracked changes; they were read as accepted/],
  },
  {
    name: 'what Markdown would read as markup stays text: a leading #, a typed "1.", brackets, <, *',
    parts: { body: p('# 不是标题') + p('1. 手工输入的编号') + p('请填写&lt;公司名称&gt;与[Company]，*注意*。') + p('- 不是列表') },
    markdown: '\\# 不是标题\n\n1\\. 手工输入的编号\n\n请填写\\<公司名称\\>与\\[Company\\]，\\*注意\\*。\n\n\\- 不是列表\n',
  },
  {
    name: 'a document in another namespace prefix reads the same',
    parts: {
      body: '',
      documentXml: '<ns0:document xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><ns0:body><ns0:p><ns0:pPr><ns0:pStyle ns0:val="Heading1"/></ns0:pPr><ns0:r><ns0:t>总则</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>',
    },
    markdown: '# 总则\n',
  },
];

describe('a Word document read as Markdown', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const reading = readDocx(makeDocx(c.parts));
    expect(reading.markdown).toBe(c.markdown);
    for (const note of c.notes ?? []) expect(reading.notes.some((n) => note.test(n)), reading.notes.join('\n')).toBe(true);
    if (!c.notes) expect(reading.notes).toEqual([]);
  });
});

describe('paragraph positions', () => {
  it('maps each line to the Word paragraph, counting paragraphs with text as Word does', () => {
    const reading = readDocx(
      makeDocx({
        numbering: list(1, lvl(0, 'decimal', '%1.')),
        body: p('手册', { style: 'Title' }) + '<w:p/>' + p('总则', { style: 'Heading1' }) + p('热线', { numId: 1 }) + p('邮件', { numId: 1 }) + table(row(cell('a'), cell('b')), row(cell('c'), cell('d'))) + p('完'),
      }),
    );
    const lines = reading.markdown.split('\n');
    const at = (text: string) => reading.paragraphs[lines.indexOf(text)];
    expect([at('# 手册'), at('## 总则'), at('1. 热线'), at('2. 邮件'), at('| a | b |'), at('| c | d |'), at('完')]).toEqual([1, 2, 3, 4, 5, 7, 9]);
  });

  it('gives a text box\'s lines the paragraph that anchors it, and counts on after it', () => {
    const box = `<w:r><w:drawing><wps:txbx><w:txbxContent>${p('框内一。')}${p('框内二。')}</w:txbxContent></wps:txbx></w:drawing></w:r>`;
    const reading = readDocx(makeDocx({ body: p('第一段。') + `<w:p><w:r><w:t>锚点段。</w:t></w:r>${box}</w:p>` + p('第三段。') }));
    const lines = reading.markdown.split('\n');
    const at = (text: string) => reading.paragraphs[lines.indexOf(text)];
    expect([at('第一段。'), at('锚点段。'), at('框内一。'), at('框内二。'), at('第三段。')]).toEqual([1, 2, 2, 2, 3]);
  });
});
