import { describe, expect, it } from 'vitest';
import { createDocument } from '../../server/src/policy/document';

function outline(text: string) {
  const doc = createDocument('x.md', text);
  return doc.outline.entries.map((e) => `${'  '.repeat(e.depth - 1)}${e.title}${e.hasBody ? '' : ' ∅'}`);
}

describe('outline', () => {
  it('folds plain numbered lines by the order their styles appear', () => {
    const text = ['客户服务制度', '', '一、总则', '', '（一）目的', '', '为规范服务。', '', '(二)范围', '', '1、热线', '', '2、邮件', '', '二、附则', '', '施行。'].join('\n');
    expect(outline(text)).toEqual(['总则 ∅', '  目的', '  范围 ∅', '    热线 ∅', '    邮件 ∅', '附则']);
  });

  it('puts numbered lines under Markdown headings, and a plain 四、 beside a ## 三、', () => {
    const text = ['# 手册', '', '## 第一章 总则', '', '第一条 内容。', '', '## 三、渠道', '', '内容', '', '四、时间', '', '内容'].join('\n');
    expect(outline(text)).toEqual(['手册 ∅', '  总则 ∅', '    内容。', '  渠道', '  时间']);
  });

  it('handles 1.1 under 1. and full-width punctuation', () => {
    const text = ['１．服务', '', '1.1 热线', '', '1.2 邮件', '', '２．投诉', '', '2.1 受理'].join('\n');
    expect(outline(text)).toEqual(['服务 ∅', '  热线 ∅', '  邮件 ∅', '投诉 ∅', '  受理 ∅']);
  });

  it('keeps the table of contents apart from the body', () => {
    const text = ['手册', '', '目录', '', '第一章 总则……1', '', '第二章 渠道……3', '', '第一章 总则', '', '内容。', '', '第二章 渠道', '', '内容。'].join('\n');
    const doc = createDocument('x.md', text);
    expect(doc.outline.toc?.entries.map((e) => e.title)).toEqual(['总则……1', '渠道……3']);
    expect(doc.outline.toc?.entries.map((e) => e.key)).toEqual(['总则', '渠道']);
    expect(doc.outline.entries.map((e) => e.line)).toEqual([8, 12]);
  });

  it('does not read lines in code, tables or HTML as headings', () => {
    const text = ['# 说明', '', '```', '一、不是标题', '```', '', '| 一、表格 |', '| --- |', '| 1. 单元格 |', '', '<!--', '二、注释', '-->'].join('\n');
    expect(outline(text)).toEqual(['说明']);
  });

  it('detects kind and language', () => {
    expect(createDocument('a.md', '# 投诉处理承诺书\n').kind).toBe('commitment-letter');
    expect(createDocument('a.md', '# 服务标准与承诺\n').kind).toBe('handbook');
    expect(createDocument('a.md', '网站客户服务制度\n\n一、总则\n').kind).toBe('website-policy');
    expect(createDocument('a.md', '# Support Service Level Agreement\n').kind).toBe('sla');
    expect(createDocument('a.md', '---\nkind: sla\n---\n# 任意标题\n').kind).toBe('sla');
    expect(createDocument('a.md', '# 中华人民共和国消费者权益保护法\n').kind).toBeUndefined();
    expect(createDocument('a.md', '# GitHub Terms of Service\n').kind).toBeUndefined();
    expect(createDocument('a.md', '# Support Policy\n\nWe answer.').language).toBe('en');
    expect(createDocument('a.md', '# 服务说明\n\nWe 使用 email 联系客户。').language).toBe('zh');
  });

  it('keeps offsets right after a BOM and with CRLF', () => {
    const doc = createDocument('a.md', '\uFEFF# 标题\r\n\r\n一、总则\r\n\r\n内容\r\n');
    const entry = doc.outline.entries[1]!;
    expect(doc.text.slice(entry.span.start, entry.span.end)).toBe('一、总则');
    expect(doc.lines.toPoint(entry.span.start)).toEqual({ line: 3, column: 1 });
  });
});
