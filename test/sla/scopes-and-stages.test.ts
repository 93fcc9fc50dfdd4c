// Scopes from the twelfth round of real documents: numbered tables, merged label cells, size classes,
// topics of enquiries, seasons in one schedule, the next stage of a complaint, and "If …, we aim to".

import { describe, expect, it } from 'vitest';
import { collectCommitments } from '../../server/src/policy/commitments';
import { createDocument } from '../../server/src/policy/document';
import { findVagueCommitments } from '../../server/src/policy/sla/vague';

function read(text: string) {
  return collectCommitments(createDocument('/pledge.md', text)).map((r) => ({
    line: r.line,
    metric: r.metric,
    key: r.key,
    scope: r.scope,
    value: r.valueText,
    schedule: r.schedule ? JSON.stringify(r.schedule.slots) : undefined,
  }));
}

function on(rows: ReturnType<typeof read>, line: number) {
  const found = rows.filter((r) => r.line === line);
  if (!found.length) throw new Error(`no commitment on line ${line}`);
  return found;
}

describe('tables numbered in their first column', () => {
  const rows = read(
    [
      '# 供水服务承诺',
      '',
      '| 序號 | 項目 | 承諾內容 |',
      '|---|---|---|',
      '| 1 | 用水申請 | 手續齊全的，2個工作日內完成裝表通水。 |',
      '| 2 | 抄表收費 | 客戶繳清水費后的12小時內恢復供水。 |',
    ].join('\n'),
  );

  it('reads the rows by the label after their number: installing a meter and restoring supply are two promises', () => {
    expect(on(rows, 5)[0]!.scope.case).toMatch(/用水申[请請]/);
    expect(on(rows, 6)[0]!.scope.case).toMatch(/抄表收[费費]/);
    expect(on(rows, 5)[0]!.key).not.toBe(on(rows, 6)[0]!.key);
  });
});

describe('merged label cells carried down a table', () => {
  const rows = read(
    [
      '# 业务办理时限承诺',
      '',
      '| 序号 | 业务类别 | 客户类别 | | 流程 | 服务时限承诺 |',
      '|---|---|---|---|---|---|',
      '| 1 | 新装 | 居民客户 | 零散户 | 申请受理 | 客户提交申请表后1个工作日内完成。 |',
      '| | | | | 验收通气 | 燃气工程竣工后1个工作日内完成。 |',
      '| | | 非居民客户 | 无地埋工程客户 | 施工通气 | 客户签订委托书2个工作日内完成。 |',
      '| | | | 含地埋工程客户 | 施工通气 | 客户签订委托书7个工作日内完成。 |',
    ].join('\n'),
  );

  it('tells rows apart by every label beside them, the ones carried down from the row above too', () => {
    expect(on(rows, 7)[0]!.key).not.toBe(on(rows, 8)[0]!.key);
    expect(on(rows, 8)[0]!.scope.case).toMatch(/含地埋工程客户/);
  });

  it('reads the step the row names, not when its clock starts, as its case', () => {
    expect(on(rows, 6)[0]!.scope.case).toMatch(/验收通气/);
    expect(on(rows, 6)[0]!.scope.case).not.toMatch(/竣工后/);
  });
});

describe('classes and topics a Chinese clause names', () => {
  it('reads the size class a clause opens with: pipes of three sizes are three promises', () => {
    const rows = read(
      '# 服务承诺\n\n发现或接到报漏，及时止水。直径600mm以下(含直径600mm)的管道12小时以内修复；直径700mm以上到直径1000mm的管道24小时以内修复；直径1200mm以上的管道36小时内修复。\n',
    );
    const keys = on(rows, 3).map((r) => r.key);
    expect(new Set(keys).size).toBe(3);
    expect(on(rows, 3)[0]!.scope.case).toMatch(/600mm以下管道/);
  });

  it('reads what an enquiry is about: metering and billing enquiries are not pressure enquiries', () => {
    const rows = read(
      '# 服务承诺\n\n按规定日期抄表，期间对用户提出的用水计量和收费事项咨询，36小时内给予答复。\n\n接到用户对水压不足、不明原因停水等事项咨询，一般在4小时内给予答复。\n',
    );
    expect(on(rows, 3)[0]!.scope.case).toBe('用水计量和收费');
    expect(on(rows, 5)[0]!.key).not.toBe(on(rows, 3)[0]!.key);
  });

  it('does not read who asks, or any enquiry at all, as a topic', () => {
    const rows = read('# 服务承诺\n\n对客户投诉的问题咨询，5个工作日内答复。\n');
    expect(on(rows, 3)[0]!.scope.case).toBeUndefined();
  });
});

describe('schedules with a season beside their hours', () => {
  const rows = read('# 营业厅服务\n\n营业时间：工作日上午 8:30-12:00 工作日下午 14:00-18:00(夏季)、13:30-17:30(冬季)。\n');

  it('reads one schedule per season, each with the hours that name no season', () => {
    const found = on(rows, 3);
    expect(found.map((r) => r.scope.season).sort()).toEqual(['summer', 'winter']);
    const winter = found.find((r) => r.scope.season === 'winter')!;
    expect(winter.schedule).toContain('"from":510');
    expect(winter.schedule).toContain('"to":1050');
    expect(winter.schedule).not.toContain('"to":1080');
  });
});

describe('the next stage of a complaint, and a case before "we aim to"', () => {
  const rows = read(
    [
      '# Complaints',
      '',
      'If you write to us with a complaint, we will acknowledge receipt within 48 hours. We will aim to respond to you within 10 working days.',
      '',
      'If you are not satisfied with our response to your complaint, you may ask us to refer it to the Customer Relations Manager. The Customer Relations Manager will aim to review and respond to your complaint within 20 working days.',
      '',
      '如对处理结果不满意，可申请复核。复核部门将在15个工作日内答复。',
      '',
      'We aim to answer your call within 20 seconds. If we are very busy and your call joins a queue we aim to put you through to an advisor within 60 seconds.',
    ].join('\n'),
  );

  it('reads a paragraph that opens with the customer dissatisfied as the next stage', () => {
    expect(on(rows, 5)[0]!.scope.case).toMatch(/not-satisfied/);
    expect(on(rows, 7)[0]!.scope.case).toMatch(/不满意|not-satisfied/);
    expect(on(rows, 3)[1]!.scope.case).toBeUndefined();
  });

  it('reads "If …" before "we aim to" as the case of the promise after it', () => {
    const queued = on(rows, 9).find((r) => r.value === '60 seconds')!;
    expect(queued.scope.case).toMatch(/queue/);
  });
});

describe('an answer to a report, and a request of the customer', () => {
  it('reads "expect an answer to your initial disclosure" as a reply, not a disclosure', () => {
    const rows = read('# Security Policy\n\nExpect an answer to your initial disclosure in the **next 96 hours**.\n');
    expect(on(rows, 3)[0]!.metric).toBe('reply');
  });

  it('does not report "please get in touch as soon as possible" as a vague promise: it asks the customer', () => {
    expect(findVagueCommitments('If so, please get in touch with us as soon as possible and we will do everything we can to put it right.', 'en')).toEqual([]);
    expect(findVagueCommitments('如有疑问，请您尽快与客服中心联系。', 'zh')).toEqual([]);
  });

  it('still reports a vague promise the organisation makes after a request', () => {
    expect(findVagueCommitments('Please send us the details and our team will reply as soon as possible.', 'en')).not.toEqual([]);
  });
});

describe('a reply to a complaint, and a label above its value', () => {
  it('reads "respond to a complaint" as a reply: the complaint is answered, not first responded to', () => {
    const rows = read('# Customer charter\n\nWe’ll respond to a complaint within 7 working days.\n');
    expect(on(rows, 3)[0]!.metric).toBe('reply');
  });

  it('reads a value on the line under its short label as that label’s', () => {
    const rows = read('# Agreements\n\nUptime:\n99.9% each month.\n\nAvailability:\n**99%** of the planned time, the platform will be available.\n');
    expect(rows.find((r) => r.value === '99.9%')?.metric).toBe('availability');
    expect(rows.find((r) => r.value === '99%')?.metric).toBe('availability');
  });

  it('reads "office hours correspond to business days from 7AM to 7PM" as a definition of the normal hours', () => {
    const rows = read('# Agreements\n\n7. Offices hours correspond to\n  bussiness days from 7AM to 7PM.\n');
    expect(rows.filter((r) => r.metric === 'service-hours').every((r) => r.scope.time === undefined)).toBe(true);
  });
});

describe('a paragraph that opens with its case, and a vague aim with its limit after it', () => {
  const text = [
    '# Complaints',
    '',
    'If it is a payment-related complaint we will do our best to respond to you as quickly as we can. Within 15 business days of receiving your complaint we will send you a final response.',
    '',
    'For all other complaints we will endeavour to provide you with our final response within four weeks. Within eight weeks of receiving your complaint we will send you a final response.',
  ].join('\n');

  it('scopes the promise after a sentence that opens with a case and states no value', () => {
    const rows = read(text);
    expect(rows.find((r) => r.value === '15 business days')?.scope.case).toMatch(/payment-related/);
    expect(rows.find((r) => r.value === 'eight weeks')?.key).not.toBe(rows.find((r) => r.value === '15 business days')?.key);
  });

  it('does not report "as quickly as we can" when the next sentence states the limit of the same action', () => {
    expect(findVagueCommitments(text.split('\n')[2]!, 'en')).toEqual([]);
  });

  it('still reports a vague action whose next sentence measures another one', () => {
    expect(findVagueCommitments('We will acknowledge your complaint promptly. We will resolve it within 10 working days.', 'en')).not.toEqual([]);
  });
});

// Guards from the review of this round's first version: each row pins a reading that version broke.
describe('review guards', () => {
  const keyOf = (rows: ReturnType<typeof read>, value: string) => rows.find((r) => r.value === value)?.key;

  it('keeps a channel or a kind named beside a merged cell in the row’s case: a complaint is not an enquiry', () => {
    const rows = read(['# Standards', '', '| Channel | Type | Target |', '| --- | --- | --- |', '| Email | Enquiry | 2 business days |', '|  | Complaint | 5 business days |'].join('\n'));
    expect(keyOf(rows, '2 business days')).not.toBe(keyOf(rows, '5 business days'));
  });

  it('reads a column of kinds of customer (客户类别) as the rows’ case, and 低压 as a voltage, not a low priority', () => {
    const rows = read(['# 服务时限', '', '| 项目 | 客户类别 | 时限 |', '|---|---|---|', '| 供电方案答复 | 居民 | 3个工作日 |', '| 供电方案答复 | 低压非居民 | 7个工作日 |'].join('\n'));
    expect(keyOf(rows, '3个工作日')).not.toBe(keyOf(rows, '7个工作日'));
    expect(rows.find((r) => r.value === '7个工作日')?.scope.priority).toBeUndefined();
  });

  it('reads the rows of a table numbered in Chinese numerals by their label', () => {
    const rows = read(['# 服务时限', '', '| 序号 | 项目 | 办理时限 |', '|---|---|---|', '| 一 | 新装用水 | 5个工作日 |', '| 二 | 过户 | 3个工作日 |'].join('\n'));
    expect(rows.find((r) => r.value === '5个工作日')?.scope.case).toBe('新装用水');
  });

  it('reads the step a row names when its cell is read after the column header', () => {
    const rows = read(['# 服务时限', '', '| 流程 | 办理时限 |', '|---|---|', '| 施工通气 | 客户签订委托书后7个工作日内完成 |', '| 验收通气 | 燃气工程竣工后1个工作日内完成 |'].join('\n'));
    expect(rows.find((r) => r.value === '1个工作日')?.scope.case).toBe('验收通气');
  });

  it('does not read an invitation to complain as the next stage, nor "If you write to us" as a case', () => {
    const rows = read(
      [
        '# Complaints',
        '',
        'If you are unhappy with our service, please tell us. We will acknowledge your complaint within 2 working days.',
        '',
        'We will acknowledge complaints within 5 working days.',
        '',
        'If you write to us we aim to reply within 10 working days.',
      ].join('\n'),
    );
    expect(keyOf(rows, '2 working days')).toBe(keyOf(rows, '5 working days'));
    expect(rows.find((r) => r.value === '10 working days')?.scope.case).toBeUndefined();
  });

  it('tells a second review stage (如仍不满意) from the first', () => {
    const rows = read(['# 投诉处理', '', '如对处理结果不满意，可申请复核。复核部门将在15个工作日内答复。', '', '如仍不满意，可申请二次复核。复核委员会将在30个工作日内答复。'].join('\n'));
    expect(keyOf(rows, '15个工作日')).not.toBe(keyOf(rows, '30个工作日'));
  });

  it('reads each size class of a sentence joined by commas, the same class with or without 的, and keeps a decimal', () => {
    const joined = read('# 承诺\n\n直径600mm以下的管道12小时以内修复，直径700mm以上的管道24小时以内修复。\n\n直径600mm以下管道应在24小时内修复。\n');
    const values = joined.map((r) => r.scope.case);
    expect(values).toEqual(['直径600mm以下管道', '直径700mm以上管道', '直径600mm以下管道']);
    const decimal = read('# 承诺\n\n0.4千伏以下居民客户装表接电不超过3个工作日。\n');
    expect(decimal[0]!.scope.case).toMatch(/^0.4千伏以下/);
  });

  it('keeps promises after 请 addressed to staff, after 请等待, and after "please be aware"', () => {
    expect(read('# 手册\n\n请客服人员在接到投诉后2小时内联系客户。\n')).toHaveLength(1);
    expect(read('# 须知\n\n工单提交后，请等待2小时内受理。\n')).toHaveLength(1);
    expect(read('# Support\n\nPlease be aware that tickets are answered within 4 hours.\n')).toHaveLength(1);
  });

  it('reads "respond to customer complaints" as the same reply as "respond to your complaint"', () => {
    const rows = read('# Complaints\n\nWe respond to customer complaints within 10 working days.\n\nWe will respond to your complaint within 5 working days.\n');
    expect(rows.map((r) => r.metric)).toEqual(['reply', 'reply']);
  });

  it('splits hours whose season is written before them (夏季8:00-18:00，冬季8:30-17:30)', () => {
    const rows = read('# 营业厅\n\n营业时间：夏季8:00-18:00，冬季8:30-17:30。\n');
    expect(rows.map((r) => r.scope.season).sort()).toEqual(['summer', 'winter']);
  });
});
