import { describe, expect, it } from 'vitest';
import { conditionsFromHeading, extractCommitments, findVagueCommitments } from '../../server/src/policy/sla';

// Random text from the characters the grammar cares about: it must never throw,
// and every span must lie inside the text with the value inside the clause.
const PIECES = [
  '2', '24', '１２', '二十四', '两', '半', '个', '工作日', '小时', '分钟', '秒', '天', '日', '月', '年', '周', '%', '％', '内', '以上', '不低于',
  '超过', '未', '解决', '回复', '接通', '投诉', '邮件', '电话', '，', '。', '；', '、', '：', ' ', '-', '～', '至', '×', '7', '9:00', '18:00',
  '周一', '周五', 'within', ' days', ' hours', 'business', 'at least', 'not', 'resolved', '(30)', 'thirty', '24/7', '__', 'XX', '待定',
  '时限', '及时', 'promptly', '\n', '𠀀', '【', '】', '(', ')', 'am', 'pm', 'Mon', 'to', 'Fri',
];

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('robustness', () => {
  it('never throws and keeps spans inside the text', () => {
    const rand = seeded(42);
    for (let n = 0; n < 3000; n++) {
      const len = 1 + Math.floor(rand() * 20);
      let text = '';
      for (let k = 0; k < len; k++) text += PIECES[Math.floor(rand() * PIECES.length)];
      const cs = extractCommitments(text);
      for (const c of cs) {
        expect(c.start).toBeGreaterThanOrEqual(0);
        expect(c.end).toBeLessThanOrEqual(text.length);
        expect(c.valueStart).toBeGreaterThanOrEqual(0);
        expect(c.valueEnd).toBeLessThanOrEqual(text.length);
        expect(c.valueEnd).toBeGreaterThan(c.valueStart);
        expect(c.valueText).toBe(text.slice(c.valueStart, c.valueEnd));
        expect(c.text).toBe(text.slice(c.start, c.end));
        if (c.value) expect(c.value.min).toBeLessThanOrEqual(c.value.max);
      }
      for (const v of findVagueCommitments(text)) expect(text.slice(v.start, v.end)).toBe(v.word);
      conditionsFromHeading(text);
    }
  });

  it('handles long inputs in linear time', () => {
    const paragraph = '一般投诉5个工作日内办结，重大投诉24小时内启动调查。'.repeat(2000) + '9'.repeat(5000) + ' '.repeat(5000) + '一'.repeat(5000);
    const t0 = performance.now();
    const cs = extractCommitments(paragraph);
    expect(cs.length).toBe(4000);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
