// Word's automatic numbering, rendered as Word shows it. Each case is a
// numbering.xml and the paragraphs that use it; the expected text is what a
// reader sees in Word, written out by hand.

import { describe, expect, it } from 'vitest';
import { readDocx } from '../../server/src/io/docx';
import { formatCounter } from '../../server/src/io/docx/number-formats';
import { list, lvl, makeDocx, p } from '../helpers/docx';

const markdown = (parts: Parameters<typeof makeDocx>[0]) => readDocx(makeDocx(parts)).markdown.split('\n').filter((l) => l !== '');

describe('counters in every numbering format', () => {
  const CASES: [format: string, n: number, shown: string][] = [
    ['decimal', 7, '7'],
    ['decimalZero', 5, '05'],
    ['decimalZero', 12, '12'],
    ['decimalFullWidth', 12, '１２'],
    ['decimalHalfWidth', 3, '3'],
    ['upperRoman', 14, 'XIV'],
    ['lowerRoman', 9, 'ix'],
    ['upperLetter', 1, 'A'],
    ['upperLetter', 26, 'Z'],
    ['upperLetter', 28, 'BB'],
    ['lowerLetter', 3, 'c'],
    ['ordinal', 2, '2nd'],
    ['ordinal', 11, '11th'],
    ['ordinal', 23, '23rd'],
    ['cardinalText', 21, 'Twenty-one'],
    ['ordinalText', 12, 'Twelfth'],
    ['ordinalText', 20, 'Twentieth'],
    ['ordinalText', 21, 'Twenty-first'],
    ['chineseCounting', 1, '一'],
    ['chineseCounting', 10, '十'],
    ['chineseCounting', 11, '十一'],
    ['chineseCounting', 20, '二十'],
    ['chineseCounting', 99, '九十九'],
    ['chineseCountingThousand', 100, '一百'],
    ['chineseCountingThousand', 101, '一百零一'],
    ['chineseCountingThousand', 110, '一百一十'],
    ['chineseCountingThousand', 1010, '一千零一十'],
    ['chineseCountingThousand', 10001, '一万零一'],
    ['chineseLegalSimplified', 11, '壹拾壹'],
    ['chineseLegalSimplified', 20, '贰拾'],
    ['ideographTraditional', 1, '甲'],
    ['ideographTraditional', 10, '癸'],
    ['ideographZodiac', 12, '亥'],
    ['ideographDigital', 10, '一〇'],
    ['decimalEnclosedCircle', 1, '①'],
    ['decimalEnclosedCircle', 20, '⑳'],
    ['decimalEnclosedCircle', 21, '㉑'],
    ['decimalEnclosedCircleChinese', 3, '③'],
    ['decimalEnclosedParen', 1, '⑴'],
    ['decimalEnclosedFullstop', 2, '⒉'],
    ['none', 4, ''],
    // A format the table does not know is shown in decimal, as Word does.
    ['hebrew2', 4, '4'],
  ];
  it.each(CASES)('%s %i → %s', (format, n, shown) => expect(formatCounter(n, format)).toBe(shown));
});

interface Case {
  name: string;
  numbering: string;
  styles?: string;
  body: string;
  shown: string[];
}

const CASES: Case[] = [
  {
    name: 'chapters and legal clauses on heading styles: 第%1章 then %1.%2 with isLgl',
    numbering: list(1, lvl(0, 'chineseCounting', '第%1章', '<w:suff w:val="space"/>') + lvl(1, 'decimal', '%1.%2', '<w:isLgl/><w:suff w:val="space"/>')),
    body: p('手册', { style: 'Title' }) + p('总则', { style: 'Heading1', numId: 1 }) + p('目的', { style: 'Heading2', numId: 1, ilvl: 1 }) + p('范围', { style: 'Heading2', numId: 1, ilvl: 1 }) + p('渠道', { style: 'Heading1', numId: 1 }) + p('热线', { style: 'Heading2', numId: 1, ilvl: 1 }),
    shown: ['# 手册', '## 第一章 总则', '### 1.1 目的', '### 1.2 范围', '## 第二章 渠道', '### 2.1 热线'],
  },
  {
    name: '一、 （一） 1. ① on plain paragraphs: the outline a Chinese reader sees',
    numbering: list(1, lvl(0, 'chineseCounting', '%1、', '<w:suff w:val="nothing"/>') + lvl(1, 'chineseCounting', '（%2）', '<w:suff w:val="nothing"/>') + lvl(2, 'decimal', '%3.') + lvl(3, 'decimalEnclosedCircle', '%4')),
    body: p('总则', { numId: 1 }) + p('目的', { numId: 1, ilvl: 1 }) + p('热线', { numId: 1, ilvl: 2 }) + p('邮件', { numId: 1, ilvl: 2 }) + p('工作日', { numId: 1, ilvl: 3 }) + p('范围', { numId: 1, ilvl: 1 }) + p('附则', { numId: 1 }) + p('说明', { numId: 1, ilvl: 1 }),
    shown: ['一、总则', '（一）目的', '1. 热线', '2. 邮件', '①工作日', '（二）范围', '二、附则', '（一）说明'],
  },
  {
    name: 'w:start: a list that starts at 3',
    numbering: list(1, lvl(0, 'decimal', '%1.').replace('<w:start w:val="1"/>', '<w:start w:val="3"/>')),
    body: p('a', { numId: 1 }) + p('b', { numId: 1 }),
    shown: ['3. a', '4. b'],
  },
  {
    name: 'w:lvlRestart 0: the second level never restarts',
    numbering: list(1, lvl(0, 'chineseCounting', '%1、', '<w:suff w:val="nothing"/>') + lvl(1, 'chineseCounting', '（%2）', '<w:lvlRestart w:val="0"/><w:suff w:val="nothing"/>')),
    body: p('总则', { numId: 1 }) + p('甲', { numId: 1, ilvl: 1 }) + p('乙', { numId: 1, ilvl: 1 }) + p('附则', { numId: 1 }) + p('丙', { numId: 1, ilvl: 1 }),
    shown: ['一、总则', '（一）甲', '（二）乙', '二、附则', '（三）丙'],
  },
  {
    name: 'w:lvlRestart 1: the third level restarts after the first level only',
    numbering: list(1, lvl(0, 'chineseCounting', '%1、', '<w:suff w:val="nothing"/>') + lvl(1, 'decimal', '%1.%2', '<w:isLgl/><w:suff w:val="space"/>') + lvl(2, 'decimal', '(%3)', '<w:lvlRestart w:val="1"/><w:suff w:val="space"/>')),
    body: p('总则', { numId: 1 }) + p('a', { numId: 1, ilvl: 2 }) + p('条款', { numId: 1, ilvl: 1 }) + p('b', { numId: 1, ilvl: 2 }) + p('附则', { numId: 1 }) + p('c', { numId: 1, ilvl: 2 }),
    shown: ['一、总则', '(1) a', '1.1 条款', '(2) b', '二、附则', '(1) c'],
  },
  {
    name: 'two list instances of one abstract list continue each other',
    numbering: `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>`,
    body: p('a', { numId: 1 }) + p('b', { numId: 1 }) + p('说明。') + p('c', { numId: 2 }),
    shown: ['1. a', '2. b', '说明。', '3. c'],
  },
  {
    name: 'w:startOverride in w:num: "restart numbering" starts a new count',
    numbering: `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`,
    body: p('a', { numId: 1 }) + p('b', { numId: 1 }) + p('说明。') + p('c', { numId: 2 }) + p('d', { numId: 2 }),
    shown: ['1. a', '2. b', '说明。', '1. c', '2. d'],
  },
  {
    name: 'a w:lvl override in w:num changes the format and start of one instance',
    numbering: `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="2"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:lvlOverride></w:num>`,
    body: p('a', { numId: 1 }) + p('说明。') + p('丙项', { numId: 2 }) + p('丁项', { numId: 2 }),
    shown: ['1. a', '说明。', '乙、丙项', '丙、丁项'],
  },
  {
    name: 'numbering from the paragraph style, with the level linked to the style (w:pStyle)',
    numbering: list(1, lvl(0, 'chineseCounting', '第%1条', '<w:pStyle w:val="Article"/><w:suff w:val="space"/>') + lvl(1, 'chineseCounting', '（%2）', '<w:pStyle w:val="Item"/><w:suff w:val="nothing"/>')),
    styles: '<w:style w:type="paragraph" w:styleId="Article"><w:name w:val="Article"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Item"><w:name w:val="Item"/><w:basedOn w:val="Article"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>',
    body: p('为规范服务，制定本办法。', { style: 'Article' }) + p('热线；', { style: 'Item' }) + p('邮件。', { style: 'Item' }) + p('本办法自发布之日起施行。', { style: 'Article' }),
    shown: ['第一条 为规范服务，制定本办法。', '（一）热线；', '（二）邮件。', '第二条 本办法自发布之日起施行。'],
  },
  {
    name: 'w:numStyleLink: the list\'s levels live in the list a numbering style names',
    numbering: `<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="ChapterList"/></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:styleLink w:val="ChapterList"/>${lvl(0, 'chineseCountingThousand', '第%1部分', '<w:suff w:val="space"/>')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`,
    styles: '<w:style w:type="numbering" w:styleId="ChapterList"><w:name w:val="Chapter List"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>',
    body: p('总则', { style: 'Heading1', numId: 1 }) + p('分则', { style: 'Heading1', numId: 1 }),
    shown: ['# 第一部分 总则', '# 第二部分 分则'],
  },
  {
    name: 'numId 0 on the paragraph turns off its style\'s numbering',
    numbering: list(1, lvl(0, 'decimal', '%1.', '<w:suff w:val="space"/>')),
    styles: '<w:style w:type="paragraph" w:styleId="Numbered"><w:name w:val="Numbered"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
    body: p('a', { style: 'Numbered' }) + p('不编号的说明。', { style: 'Numbered', numId: 0 }) + p('b', { style: 'Numbered' }),
    shown: ['1. a', '不编号的说明。', '2. b'],
  },
  {
    name: 'bullets (a Symbol-font bullet shows as •, a list item in Markdown) and the none format',
    numbering: list(1, `<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uF0B7"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>`) + list(2, lvl(0, 'none', '')),
    body: p('热线', { numId: 1 }) + p('工作日', { numId: 1, ilvl: 1 }) + p('邮件', { numId: 1 }) + p('无编号', { numId: 2 }),
    shown: ['- 热线', '  - 工作日', '- 邮件', '无编号'],
  },
  {
    name: 'lettered and roman levels, and a level shown through a deeper one (%1.%2.%3)',
    numbering: list(1, lvl(0, 'upperRoman', '%1.', '<w:suff w:val="space"/>') + lvl(1, 'upperLetter', '%2.', '<w:suff w:val="space"/>') + lvl(2, 'decimal', '%1.%2.%3', '<w:isLgl/><w:suff w:val="space"/>')),
    body: p('Scope', { style: 'Heading1', numId: 1 }) + p('Channels', { style: 'Heading2', numId: 1, ilvl: 1 }) + p('Phone lines are answered within 20 seconds.', { numId: 1, ilvl: 2 }) + p('Hours', { style: 'Heading1', numId: 1 }) + p('Holidays', { style: 'Heading2', numId: 1, ilvl: 1 }),
    shown: ['# I. Scope', '## A. Channels', '1.1.1 Phone lines are answered within 20 seconds.', '# II. Hours', '## A. Holidays'],
  },
];

describe('numbering.xml rendered as Word shows it', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(markdown({ numbering: c.numbering, styles: c.styles, body: c.body })).toEqual(c.shown);
  });
});
