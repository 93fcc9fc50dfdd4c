// Traditional Chinese is read through the Simplified tables, one character for one character.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCommitments, findVagueCommitments } from '../../server/src/policy/sla';
import { createDocument } from '../../server/src/policy/document';
import { decideKind } from '../../server/src/policy/kind-inference';
import { simplified } from '../../server/src/policy/traditional';

const ROOT = join(__dirname, '../..');

/** What a reader compares of a commitment: not its offsets, which are the same anyway. */
const reading = (text: string) => extractCommitments(text).map((c) => ({ channel: c.channel, metric: c.metric, value: c.value, unit: c.unit, comparator: c.comparator, conditions: c.conditions, start: c.start, valueStart: c.valueStart }));

describe('Traditional Chinese', () => {
  it('has the Traditional form of every Han character the tables use (scripts/gen-traditional.mjs --check)', () => {
    expect(() => execFileSync(process.execPath, [join(ROOT, 'scripts/gen-traditional.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('maps character for character, so offsets hold', () => {
    const text = '客戶服務承諾：電話2小時內回覆，複雜問題3至5個工作日內解決。';
    expect(simplified(text)).toBe('客户服务承诺：电话2小时内回覆，复杂问题3至5个工作日内解决。');
    expect(simplified(text)).toHaveLength(text.length);
    expect(simplified('服务承诺')).toBe('服务承诺');
  });

  for (const [traditional, simple] of [
    ['電話 < 2 小時回復', '电话 < 2 小时回复'],
    ['熱線電話須在20秒內接通', '热线电话须在20秒内接通'],
    ['投訴受理後5個工作日內答復，複雜問題15個工作日內辦結。', '投诉受理后5个工作日内答复，复杂问题15个工作日内办结。'],
  ]) {
    it(`reads ${traditional} as ${simple}`, () => {
      expect(reading(traditional)).toEqual(reading(simple));
    });
  }

  it('finds vague wording in Traditional', () => {
    expect(findVagueCommitments('我們將及時回覆您的投訴。').map((v) => [v.word, v.metric, v.channel])).toEqual([['及時', 'reply', 'complaint']]);
  });

  it('finds a commitment letter by a Traditional title', () => {
    const doc = createDocument('/promise.md', '# 服務承諾\n\n電話 < 2 小時回復\n\n電子郵件 < 1 個工作日\n');
    const decision = decideKind(doc, {});
    expect(decision.kind).toBe('commitment-letter');
    // The reason quotes the title as the document writes it.
    expect(decision.reason).toBe('the title "服務承諾"');
  });
});
