import { describe, expect, it } from 'vitest';
import { describeMarker, parseMarker, styleKey } from '../../server/src/engine/numbering';

describe('numbering markers', () => {
  it.each([
    ['第三章 服务流程', 'chapter', 3, '服务流程'],
    ['第十二条 经营者应当', 'article', 12, '经营者应当'],
    ['第一百零五条　内容', 'article', 105, '内容'],
    ['第2节 渠道', 'section', 2, '渠道'],
    ['一、总则', 'cn-dun', 1, '总则'],
    ['十一、附则', 'cn-dun', 11, '附则'],
    ['（二）服务原则', 'cn-paren', 2, '服务原则'],
    ['(二)服务原则', 'cn-paren', 2, '服务原则'],
    ['（3）回访', 'arabic-paren', 3, '回访'],
    ['1、受理', 'decimal', 1, '受理'],
    ['1. 受理', 'decimal', 1, '受理'],
    ['１．受理', 'decimal', 1, '受理'],
    ['3.4 投诉', 'decimal', 4, '投诉'],
    ['3.4.1 细则', 'decimal', 1, '细则'],
    ['1.1服务宗旨', 'decimal', 1, '服务宗旨'],
    ['② 邮件', 'circled', 2, '邮件'],
  ])('%s', (line, style, value, title) => {
    const m = parseMarker(line)!;
    expect(m).toBeDefined();
    expect(m.style).toBe(style);
    expect(m.value).toBe(value);
    expect(line.slice(m.titleStart)).toBe(title);
  });

  it.each(['1993年10月31日 通过', '2.5小时内完成', '20 seconds', '400-800-1234', '4.1A. Payment', '第三方平台', '一般投诉5个工作日内办结', '2026.1.1 起施行', '666.png'])(
    'is not a marker: %s',
    (line) => expect(parseMarker(line)).toBeUndefined(),
  );

  it('decimal depth is part of the style', () => {
    expect(styleKey(parseMarker('1.1 a')!)).toBe('decimal-2');
    expect(styleKey(parseMarker('1、a')!)).toBe('decimal-1');
  });

  it('describes a marker with another value', () => {
    expect(describeMarker(parseMarker('第七条 x')!, 8)).toBe('第八条');
    expect(describeMarker(parseMarker('（二）x')!, 3)).toBe('（三）');
    expect(describeMarker(parseMarker('2.3 x')!, 4)).toBe('2.4');
  });
});
