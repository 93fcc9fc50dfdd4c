// Vocabulary, zh and en, compiled into one regex so that a sentence is scanned
// once for every kind of word. Chinese entries are literals; English entries
// are regex sources matched as whole words.

import { conditionEntries, dimensionOf, type Condition } from './dimensions';
import type { Channel, DurationMetric, Metric, RateMetric } from './types';
import { ownValue } from '../../config/own';

export type HitKind =
  | 'channel'
  | 'metric'
  | 'rate'
  | 'condition'
  | 'aim'
  | 'veto'
  | 'vague'
  | 'fcr'
  | 'retention'
  | 'ignore';

export interface Hit {
  start: number;
  end: number;
  kind: HitKind;
  /** A Channel, Metric, Condition… depending on kind; the word itself for vague. */
  value: string;
  /** A word the document defines as a scope value in its own tables ("Normal" in a Level column). */
  defined?: true;
}

interface Entry {
  kind: HitKind;
  value: string;
  zh?: string[];
  en?: string[];
}

const channel = (value: Channel, zh: string[], en: string[]): Entry => ({ kind: 'channel', value, zh, en });
const metric = (value: DurationMetric, zh: string[], en: string[]): Entry => ({ kind: 'metric', value, zh, en });
const rate = (value: RateMetric, zh: string[], en: string[]): Entry => ({ kind: 'rate', value, zh, en });

/** Vague wording: a promise with no number (及时, as soon as possible). Also the cheap test vague.ts runs first. */
const VAGUE_ENTRY: Entry = { kind: 'vague', value: 'vague', zh: ['及时', '尽快', '第一时间', '最短时间内', '最短时间', '最快速度', '尽早', '尽速', '从速', '迅速', '规定时间', '规定时限', '规定期限', '限定时间', '限定时限', '限定期限', '合理时间', '合理期限', '合理时限', '尽可能快', '尽快地', '不断', '适当的时候', '适当时候', '适时'],
    en: ['promptly', 'prompt', 'within\\s+a\\s+few\\s+(?:days|hours|weeks|business\\s+days)', 'as\\s+(?:quickly|soon|fast)\\s+as\\s+(?:we\\s+can|possible)', 'as\\s+soon\\s+as\\s+(?:reasonably\\s+)?(?:possible|practicable|practical|feasible)', 'asap',
      'as\\s+quickly\\s+as\\s+possible', 'without\\s+undue\\s+delay', 'in\\s+(?:a|as)\\s+timely\\s+(?:a\\s+)?(?:manner|fashion|way)(?:\\s+as\\s+possible)?',
      'timely(?=\\s+(?:respon|repl|resolu|acknowledg|follow|notif|answer|communicat|updates?\\b|feedback))', 'immediate(?=\\s+(?:notif|respon|acknowledg|repl|follow))', 'be\\s+timely', 'timely(?=\\s*[.;]?\\s*$)', 'quickly',
      'expeditiously', 'in\\s+due\\s+course', 'at\\s+the\\s+earliest\\s+(?:opportunity|convenience)', 'within\\s+a\\s+reasonable\\s+(?:time|period)(?:\\s+of\\s+time)?', 'shortly',
      // "within the agreed timeframe", 规定时间: a deadline the document points to and never states.
      'within\\s+the\\s+(?:agreed|specified|required|stated|appropriate)\\s+(?:time\\s*frames?|timescales?|time\\s+limits?|time)'] };

const ENTRIES: Entry[] = [
  channel('phone', ['电话', '热线', '来电', '致电', '呼叫中心', '客服专线', '服务专线', '400热线', '400电话', '400客服', '语音', '坐席', '座席', '呼入'],
    ['phones?', 'telephone', 'calls?', 'callers?', 'hotline', 'voice(?:mails?)?', 'phone\\s+support']),
  channel('email', ['邮件', '邮箱', '电子邮件', '电邮', '电子信箱', 'Email', 'email', 'E-mail'], ['e-?mails?']),
  channel('chat', ['在线客服', '在线咨询', '在线聊天', '网页客服', '即时通讯', '在线服务', '智能客服', 'APP客服', '在线沟通'],
    ['(?:live\\s+|web\\s+)?chats?', 'messaging', 'IM']),
  channel('social', ['社交媒体', '微信', '微博', '公众号', '抖音', '小红书', '社交平台'], ['social\\s+media', 'twitter', 'facebook', 'wechat', 'weibo']),
  // A community forum answers on its own terms: "GitHub Discussions: 24 hours" is not the issue tracker's "24-48 hours".
  channel('forum', ['论坛', '讨论区', '技术社区', '开发者社区', '社区论坛'],
    ['forums?', 'community\\s+(?:forums?|support|channels?)', '(?:github|gitlab)\\s+discussions', 'discussion\\s+(?:forums?|boards?)', 'stack\\s*overflow', 'discourse']),
  channel('ticket', ['工单', '留言', '网单', '服务单', '服务请求', '在线留言', '报修单'],
    ['tickets?', '(?:support|service)\\s+requests?', 'web\\s+forms?', 'contact\\s+forms?', '(?:bug|issue|problem)\\s+reports?', '(?:github|gitlab)\\s+issues', 'issue\\s+trackers?']),
  channel('sms', ['短信', '短消息'], ['sms', 'text\\s+messages?', '(?<=\\b(?:your|our|all|any)\\s+)texts\\b']),
  channel('letter', ['信函', '来信', '信件', '书面信函', '邮寄'], ['letters?', 'postal(?:\\s+mail)?', 'by\\s+post', 'mailed']),
  channel('onsite', ['上门', '现场服务', '现场支持', '到场', '营业厅', '网点', '门店'], ['on-?site', 'in\\s+person', 'field\\s+(?:service|engineers?|visits?)', 'walk-?ins?']),
  channel('complaint', ['投诉', '申诉', '举报', '抱怨'], ['complaints?', 'grievances?', 'appeals?']),

  metric('answer', ['接通', '接听', '应答', '接起', '摘机', '等待时间', '等候时间'], ['respond(?:s|ed|ing)?\\s+to\\s+(?:incoming\\s+|all\\s+|your\\s+)?(?:tele)?(?:phone\\s+)?calls\\b(?=\\s+(?:received\\s+)?(?:within|in)\\s+\\d+\\s+(?:seconds?|secs?|minutes?|mins?|rings?)\\b)', 'answer(?:s|ed|ing)?', 'pick(?:s|ed)?\\s+up', '(?:average\\s+)?wait(?:ing)?\\s+times?']),
  metric('acknowledge', ['确认', '受理', '回执', '签收', '确认收到', '予以受理', '登记受理'],
    ['acknowledg(?:e|es|ed|ements?|ments?)', 'acknowledging', 'confirm(?:s|ed)?\\s+receipt', 'confirmation', 'receipt\\s+confirmation', '(?:regist(?:ered|ration)|logged)(?=\\s+(?:within|in)\\s)']),
  // 1个工作日内联系客户，7个工作日内答复处理意见: getting in touch is the first response, the answer comes after;
  // "contact clients with 3 days notice" is a notice.
  metric('first-response', ['首次响应', '首次回复', '首次答复', '首次回应', '初次响应', '初次回复', '初次答复', '初次回应', '初步回应', '初步回复', '初步答复', '初步响应', '首次联系', '初次联系', '首响', '响应', '联系客户', '联系用户', '与客户联系', '与用户联系', '联系您', '联络客户', '联络用户', '与您联系'],
    ['first\\s+response', 'contact(?:s|ed|ing)?\\s+(?:you|them|the\\s+(?:customer|caller|complainant|client|reporter)s?|customers?|complainants?|clients?)\\b(?!\\s+with\\b)', 'initial\\s+response', 'time\\s+to\\s+first\\s+contact', 'first\\s+reply', 'respond(?:s|ed|ing)?', 'responses?', 'communicat(?:e|es|ed|ions?)', 'reaction\\s+times?', 'react(?:s|ed)?', 'feedback(?=\\s+(?:within|in)\\s)']),
  metric('reply', ['回复', '答复', '回电', '回应', '反馈', '告知', '回函', '回拨', '回覆'],
    ['repl(?:y|ies|ied|ying)', 'answer(?:s|ed|ing)?\\s+(?:your\\s+|all\\s+|any\\s+|the\\s+)?(?:written\\s+)?(?:questions?|quer(?:y|ies)|enquir(?:y|ies)|inquir(?:y|ies))', '(?:questions?|quer(?:y|ies)|enquir(?:y|ies)|inquir(?:y|ies))\\s+(?:are|is|will\\s+be)\\s+answered', '(?:full|substantive|detailed|written|formal|final|definitive|considered)\\s+responses?',
      // "Respond to your texts / voicemail / complex emails / a complaint within…": answering a message (a telephone message too) or a complaint
      // is replying to it (an enquiry or a ticket is responded to first, and answered in full later).
      'respond(?:s|ed|ing)?\\s+to(?=\\s+(?:your\\s+|all\\s+|any\\s+|the\\s+|an?\\s+|customers?(?:\'s?)?\\s+|formal\\s+|individual\\s+|simple\\s+|complex\\s+|written\\s+)*(?:e-?mails?|letters?|texts?|(?:text|telephone|phone|voice)\\s+messages?|voicemails?|comments?|correspondence|complaints?|written\\s+contacts?)\\b)', 'responses?\\s+in\\s+full', 'respond(?:s|ed)?\\s+(?:in\\s+full|fully)', 'get\\s+back\\s+to', 'an\\s+answer(?=\\s+(?:to|from|on)\\b)', 'get\\s+in\\s+touch', 'return(?:s|ed)?(?=\\s+(?:your\\s+|all\\s+)?(?:calls?|voicemails?|messages?|phone))', '(?<=\\b(?:calls?|voicemails?|messages?)\\s+(?:(?:will|shall|must|are\\s+to)\\s+be\\s+|are\\s+|is\\s+)?)returned', 'call(?:s|ed|ing)?\\s+(?:(?:you|them|customers?|the\\s+customer)\\s+)?back', 'callbacks?',
      // "we will write to you within 14 days", "we will write within 5 working days".
      'write(?=\\s+(?:back\\s+)?(?:to\\s+(?:you|them|the\\s+\\w+)\\s+)?(?:within|in)\\b)']),
  metric('investigate', ['调查', '核实', '核查', '启动调查', '展开调查', '审查', '复现'], ['investigat(?:e|es|ed|ing|ions?)', 'review(?:s|ed|ing)?', 'triag(?:e|es|ed|ing)']),
  metric('resolve', ['提供解决方案', '提供技术解决方案', '给出解决方案', '解决', '办结', '处理完毕', '处理完成', '完成处理', '维修完毕', '维修完成', '维护完毕', '维护完成', '抢修完毕', '处理', '结案', '处置', '修复', '排除故障', '排除', '恢复', '完成', '处理结果', '办理完毕', '办理'],
    ['resolv(?:e|es|ed|ing)', 'solv(?:e|es|ed|ing)', 'handl(?:e|es|ed|ing)(?=\\s+(?:the\\s+|your\\s+|all\\s+|each\\s+)?(?:bugs?|issues?|reports?|vulnerabilit(?:y|ies)|incidents?|complaints?|cases?|requests?|tickets?|problems?)\\b)', 'patch(?:es|ed|ing)?', 'resolutions?', 'fix(?:es)?', '(?:fix(?:ed)?|repair)[-\\s]times?', 'fixed(?=\\s+(?:within|in|by|before|no\\s+later)\\b)', 'repaired', 'repair(?=\\s+(?:the|your|it|them|all|any|most|faults?|leaks?|bursts?)\\b)', 'restor(?:e|es|ed)', 'remed(?:y|ied)', 'dealt\\s+with', 'treat(?:s|ed)?(?=\\s+(?:each|every|all|any|your|the)\\s+(?:\\w+\\s+)?(?:cases?|complaints?|requests?|enquir(?:y|ies)|appeals?)\\b)', 'deal(?:s)?\\s+with(?=\\s+(?:it|them|your|all|any|the|each|every|most|complaints?|queries|enquiries|requests?|issues?)\\b)', 'cure(?:s|d)?', 'complet(?:e|es|ed|ion)', 'decisions?', 'outcomes?', '(?:results?|outcomes?|findings)\\s+of\\s+(?:our|the|its|this)\\s+investigations?', 'mitigat(?:e|es|ed|ion)', 'workarounds?']),
  metric('follow-up', ['回访', '跟进', '跟踪回访', '更新', '进展通报', '进度更新'], ['follow(?:s|ed)?[-\\s]ups?', 'updat(?:e|es|ed|ing)', 'status\\s+reports?', '(?:ongoing|subsequent|continuing)\\s+(?:responses?|communications?)']),
  // "your escalated complaint" names a case; the verb is the one before it.
  metric('escalation', ['升级', '上报', '移交', '转交上级', '提级'], ['escalat(?:e|es|ing|ion)', 'escalated(?!\\s+(?:complaints?|cases?|issues?|tickets?|incidents?|calls?|matters?|requests?|concerns?|enquiries|enquiry|inquiries|inquiry)\\b)', 'reported\\s+to']),
  metric('arrival', ['到达现场', '现场响应', '去现场', '赴现场', '前往现场', '到达', '抵达', '到现场', '赶到现场', '赶赴现场', '派人抢修', '派人维修', '派人上门', '派员抢修', '派员维修', '派员上门'], ['arriv(?:e|es|ed|al)', 'attend(?:s|ed)?(?=\\s+(?:to\\s+)?(?:within\\b|in\\b|on\\s+the\\s+(?:same|next)\\s+(?:working\\s+|business\\s+)?day\\b|as\\s+(?:soon|quickly|promptly)\\b|promptly\\b|emergenc|urgent|the\\s+(?:property|site|scene|fault|premises|address|leak|job)\\b|your\\s+(?:home|property|premises|address)\\b))', 'be\\s+(?:there|with\\s+you)(?=\\s+within\\b)', '(?:first\\s+)?(?:appointment|visit)(?=\\s+(?:within|in)\\s)']),
  metric('refund', ['退款', '退还', '返还', '退费'], ['refund(?:s|ed)?']),
  // 提前48小时…提醒告知: telling in advance is a notice, not a reply (告知). "Your initial disclosure" is the reporter's.
  metric('notify', ['通知', '公告', '公示', '披露', '发布公告', '提醒告知', '提前告知', '事先告知', '预先告知'], ['notif(?:y|ies|ied|ication)', 'notices?', '(?<!\\b(?:your|their|the\\s+reporter\'s)\\s+(?:initial\\s+|original\\s+|first\\s+)?)disclos(?:e|es|ed|ure)', 'publish(?:es|ed)?', 'announc(?:e|es|ed|ing|ements?)']),

  rate('satisfaction', ['满意度', '满意率', '满意程度', '好评率'], ['(?:customer\\s+)?satisfaction(?:\\s+(?:rate|score))?', 'csat']),
  rate('first-contact-resolution', ['一次性解决率', '一次解决率', '首次解决率', '首问解决率', '首次联络解决率', '一次性办结率', '解决率'],
    ['first[-\\s](?:contact|call|touch)\\s+resolution(?:\\s+rate)?', 'fcr', '(?:at\\s+(?:the\\s+)?)?first\\s+point\\s+of\\s+contact']),
  rate('resolution-rate', ['办结率', '结案率', '处理率'], ['resolution\\s+rate']),
  rate('answer-rate', ['接通率', '接听率', '应答率', '呼入接通率', '人工接通率'], ['answer\\s+rate', 'answered\\s+calls']),
  // 在99.9%的时间内可用: available for that share of the time, as "available 99.9% of the time".
  rate('availability', ['可用性', '可用率', '可靠率', '可靠性', '在线率', '可用时间', '正常运行时间', '正常运行率', '时间内可用', '时间内都可用', '时间内均可用', '的时间可用'], ['availability', 'uptime', 'available']),
  rate('abandonment', ['放弃率', '呼损率', '挂机率', '弃呼率'], ['abandon(?:ment)?\\s+rate', 'abandoned']),
  rate('downtime', ['停机时间', '不可用时间', '中断时间', '不可用率'], ['downtime', 'unavailability']),
  rate('durability', ['数据持久性', '持久性', '数据可靠性'], ['(?:data\\s+)?durability']),
  rate('on-time-rate', ['及时率', '按时率', '准时率', '按时完成率', '时效达成率', '达标率'], ['on[-\\s]time\\s+(?:\\w+\\s+)?rate', 'of\\s+the\\s+time', 'sla\\s+(?:achievement|attainment|compliance)']),
  rate('response-rate', ['回复率', '响应率', '答复率'], ['response\\s+rate']),
  rate('follow-up-rate', ['回访率'], ['follow[-\\s]up\\s+rate']),
  rate('quality', ['合格率', '质检合格率', '准确率', '正确率'], ['accuracy', 'quality\\s+score']),

  ...conditionEntries().map((c) => ({ kind: 'condition' as const, ...c })),

  { kind: 'aim', value: 'aim', zh: ['力争', '原则上', '为原则', '争取', '努力', '尽量', '尽可能', '目标', '力求', '尽力', '期望', '希望', '竭尽所能', '尽最大努力', '通常', '一般情况下', '大概', '预计'],
    en: ['aims?', 'aiming', 'striv(?:e|es|ing)', 'targets?', 'targeted', 'endeavou?rs?', 'tr(?:y|ies)\\s+to', 'seeks?\\s+to', 'goals?',
      'best\\s+efforts?', 'typically', 'usually', 'generally', 'normally', 'intends?\\s+to'] },
  // How long records are kept is not a service promise; these words compete with the verbs
  // so that 保存期限为3年 does not borrow 处理 from the next clause.
  { kind: 'retention', value: 'retention', zh: ['保存', '保留', '留存', '归档', '存档'],
    en: ['retain(?:s|ed)?', 'retention', 'preserve(?:s|d)?', 'kept', 'stored', 'archived'] },
  { kind: 'veto', value: 'veto', zh: ['花费', '每个团队成员', '每名成员', '过去', '任期', '轮值期', '准成员', '休假', '请假', '无法联系', '有期徒刑', '徒刑', '拘役', '拘留', '监禁', '劳动教养', '缓刑', '刑期', '服刑', '周岁', '年满', '岁以上', '岁以下', '工龄', '从业经验', '工作经验', '教龄', '学制', '保质期', '有效期', '服现役', '服役', '累计工作', '连续工作', '任职'],
    en: ['spends?', 'spent', 'spending', 'each\\s+team\\s+member', 'per\\s+(?:person|engineer|team\\s+member)', 'past', 'previous', 'years?\\s+old', 'years?\\s+of\\s+age', 'year-old', 'aged?', 'imprisonment', 'prison', 'jail', 'experience'] },
  { kind: 'fcr', value: 'fcr', zh: ['首次', '一次性', '首问', '当场', '首次沟通', '初次沟通', '一次'], en: ['first\\s+(?:contact|call|time)', 'on\\s+the\\s+first'] },
  VAGUE_ENTRY,
  // Longer words that contain a vague or metric word but mean something else.
  { kind: 'ignore', value: 'ignore', zh: ['及时性', '不及时', '未及时', '没有及时', '是否及时', '无法及时', '不能及时', '未能及时', '没能及时', '迅速性', '受理人', '处理器', '处理办法', '处理程序', '处理流程', '响应委员会', '响应组', '响应小组', '响应团队', '响应中心', '严重等级', '严重级别', '严重程度', '严重性', '一般情况', '一般来说', '一般而言',
    // 向上一级机关申请复议: the authority one level up, not a first-level case.
    '上一级', '下一级', '同一级',
    // 技术解决方案, 不断增长的数据库: a solution is a thing offered, not a resolution promised.
    '解决方案', '解决办法', '不断增长', '不断更新的',
    // 排除在考核之外, 不排除: excluding, not fixing.
    '排除在', '排除于', '排除出', '排除之外', '不排除',
    // 登录用户自助服务平台报修: the portal a request is made on, not the self-service regime.
    '自助服务平台', '自助服务系统', '自助服务网站', '自助服务终端', '自助服务区', '自助服务机'],
    en: ['response\\s+(?:team|committee|group|process|plan|procedure)', 'p[0-4]\\s*[-–~]\\s*p[0-4]', 'p[0-4]\\s*[-–~]\\s*[0-4](?![\\d.]|\\s*(?:business|working|calendar|clock|hours?|hrs?|h\\b|minutes?|mins?|days?|weeks?|months?|seconds?|secs?))', 'all\\s+(?:ticket\\s+)?priorities', 'severity\\s+(?:levels?|ratings?)', 'untimely', 'not\\s+promptly', 'how\\s+(?:quickly|promptly|soon|fast)', 'standard\\s+time', 'industry\\s+standards?', 'standard\\s+(?:contractual\\s+)?clauses'] },
];

interface Compiled {
  re: RegExp;
  /** The same words without any that holds a Latin letter: all a sentence without one can match, and far cheaper to scan. */
  reCjk: RegExp;
  /** Chinese words are literals: the matched text finds its entry directly. */
  literal: Map<string, { kind: HitKind; value: string }>;
  /** English words are patterns: tried in order, and remembered per matched text. */
  patterns: { re: RegExp; kind: HitKind; value: string }[];
  seen: Map<string, { kind: HitKind; value: string } | undefined>;
}

/** Any vague word, zh or en: a cheap test before a block is read for vague promises. */
export const VAGUE_HINT = new RegExp([...(VAGUE_ENTRY.zh ?? []).map((w) => escape(w)), ...(VAGUE_ENTRY.en ?? []).map((w) => `\\b${w}`)].join('|'), 'i');

/**
 * The words that open a Chinese case clause: 如果…, 若…, 如遇…, 一旦…. 若干 (several), 如实, 如期 and 如在线客服
 * (such as) open none. One list for every reader that asks whether a value sits in a case.
 */
/** 到 or 至 that ends a span (从受理到办结), not one of the verbs 接到, 收到, 达到, 得到, 送到, 遇到. */
export const ZH_SPAN_TO_SOURCE = '(?<![接收达得送遇])(?:到|至)';

/** Our own failure that a payment is owed for: "if we do not respond", "if we fail to", "if we are unable to". */
export const IF_WE_FAIL_SOURCE = "\\bif\\s+we\\s+(?:do\\s+not|don['’]t|did\\s+not|didn['’]t|fail(?:ed)?\\s+to|cannot|can['’]t|have\\s+not|haven['’]t|are\\s+(?:unable|not\\s+able)\\s+to|miss)\\b";
export const ZH_IF_OPENER_SOURCE = '(?:如果|假如|倘若|若(?!干)|如遇|如有|如在(?!线)|一旦)';

/** The escalation verbs: a sentence that names one turns "over 3 days" into a trigger. */
export const ESCALATES = new RegExp(ENTRIES.filter((e) => e.kind === 'metric' && e.value === 'escalation').flatMap((e) => [...(e.zh ?? []).map(escape), ...(e.en ?? []).map((w) => `\\b${w}`)]).join('|'), 'i');

/**
 * The Chinese words of a service action (every duration metric's, and going on site): 当天答复 is a
 * deadline of its own, 当日16时前 and 当日有效 are not.
 */
export const ZH_SERVICE_ACTION_SOURCE = ENTRIES.filter((e) => e.kind === 'metric' || (e.kind === 'channel' && e.value === 'onsite'))
  .flatMap((e) => e.zh ?? [])
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(entries: Entry[]): Compiled {
  const alts: { source: string; len: number; latin: boolean }[] = [];
  const literal = new Map<string, { kind: HitKind; value: string }>();
  const patterns: Compiled['patterns'] = [];
  for (const e of entries) {
    for (const w of e.zh ?? []) {
      alts.push({ source: escape(w), len: w.length, latin: /[A-Za-z]/.test(w) });
      if (!literal.has(w)) literal.set(w, { kind: e.kind, value: e.value });
    }
    for (const w of e.en ?? []) {
      alts.push({ source: `\\b${w}\\b`, len: w.length, latin: true });
      // The scan has already checked any lookahead; the word itself is what is left before it.
      const word = w.includes('(?=') ? w.slice(0, w.indexOf('(?=')) : w;
      patterns.push({ re: new RegExp(`^(?:${word})$`, 'i'), kind: e.kind, value: e.value });
    }
  }
  // Alternation takes the first alternative that matches, so longer words must come
  // first (非工作日 before 工作日, 接通率 before 接通).
  alts.sort((a, b) => b.len - a.len);
  // The same order decides which English pattern a match belongs to.
  patterns.sort((a, b) => b.re.source.length - a.re.source.length);
  const cjk = alts.filter((a) => !a.latin);
  return { re: new RegExp(alts.map((a) => a.source).join('|'), 'gi'), reCjk: new RegExp(cjk.map((a) => a.source).join('|'), 'gi'), literal, patterns, seen: new Map() };
}

const LEXICON = compile(ENTRIES);
const LATIN = /[A-Za-z]/;

function entryOf(word: string): { kind: HitKind; value: string } | undefined {
  const { literal, patterns, seen } = LEXICON;
  const direct = literal.get(word);
  if (direct) return direct;
  const key = word.toLowerCase();
  if (seen.has(key)) return seen.get(key);
  const found = patterns.find((p) => p.re.test(word));
  // Bounded: a document has few distinct English vocabulary matches.
  if (seen.size < 10_000) seen.set(key, found);
  return found;
}

/**
 * text[from, to) with the words of the given kinds cut out, each cut replaced by `separator`: a label's
 * words besides its metric ("Target Response Time" → "Target ") or besides its metric, channel and levels.
 */
export function withoutWords(text: string, from: number, to: number, hits: readonly Hit[], kinds: readonly HitKind[], separator = ''): string {
  let out = '';
  let at = from;
  for (const h of hits) {
    if (h.start < from || h.end > to || !kinds.includes(h.kind)) continue;
    out += text.slice(at, h.start) + separator;
    at = Math.max(at, h.end);
  }
  return out + text.slice(at, to);
}

/** Every vocabulary word in text[start, end), in order, without overlaps. */
export function scanLexicon(text: string, start: number, end: number, out: Hit[] = []): Hit[] {
  // Scanning a slice keeps a sentence without vocabulary from searching the rest of the block.
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  const re = LATIN.test(slice) ? LEXICON.re : LEXICON.reCjk;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    const entry = entryOf(m[0]);
    if (!entry || entry.kind === 'ignore') continue;
    const hitStart = start + m.index;
    out.push({ start: hitStart, end: hitStart + m[0].length, kind: entry.kind, value: entry.kind === 'vague' ? m[0] : entry.value });
  }
  return out;
}

// Priority and severity levels as they label a row, a list item or a heading: Urgent, High,
// P2, Sev-1, Severity 2, 优先级 1, 严重级别 A, 一级, 紧急, 低.
export const PRIORITY_LABEL =
  '(?:[PS]\\s*([0-4])(?![\\w.])|(?:sev(?:erity)?|priority|优先级)[-\\s]*(?:level\\s*)?([0-4a-c])\\b|严重(?:级别|性|等级)\\s*([a-c1-4])|([一二三四])级|(urgent|critical|emergency|highest|high|medium|normal|low|紧急|高|中|普通|一般|低|致命|严重|重大)(?:\\s*priority|\\s*优先级|\\s*[（(][a-z0-9\\s-]*[）)])?)';
const PRIORITY_CONDITION: Record<string, Condition> = {
  urgent: 'urgent', critical: 'urgent', emergency: 'emergency', highest: 'urgent', 致命: 'urgent', 紧急: 'urgent',
  high: 'high', 高: 'high', 严重: 'urgent',
  medium: 'general', normal: 'general', 中: 'general', 普通: 'general', 一般: 'general',
  low: 'low', 低: 'low', 重大: 'major',
  '0': 'p0', '1': 'urgent', '2': 'high', '3': 'general', '4': 'low',
  a: 'urgent', b: 'high', c: 'general', 一: 'urgent', 二: 'high', 三: 'general', 四: 'low',
};

/** The condition of a priority label matched with PRIORITY_LABEL. */
export function priorityCondition(m: RegExpExecArray): Condition[] {
  return levelCondition(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '');
}

/** A level as written alone: "2" in a Severity column, "B", 高. */
export function levelCondition(level: string): Condition[] {
  const cond = ownValue(PRIORITY_CONDITION, level.trim().toLowerCase());
  return cond ? [cond] : [];
}

// 一般 / general / normal alone qualify a kind of case only when a case noun follows:
// 一般投诉, general enquiries, normal priority; 一般规定, normal maintenance work and 一般情况下 are something else.
export const GENERAL_QUALIFIES =
  /^(?:及|和|与|、|或|性|投诉|问题|事件|咨询|工单|故障|案件|请求|诉求|事项|类|业务|级|优先级)|^\s+(?:(?:and|or)\s+\w+\s+)?(?:complaints?|issues?|inquiries|enquiries|requests?|tickets?|cases?|incidents?|problems?|questions?|priority|severity|support)\b/i;
const BARE_GENERAL = /^(?:一般|普通|常规|general|normal|routine|ordinary)$/i;

/** Whether a condition hit stands for its value here: a bare 一般 / normal needs a case noun after it. */
export function qualifies(text: string, h: Hit): boolean {
  return h.defined === true || h.value !== 'general' || !BARE_GENERAL.test(text.slice(h.start, h.end)) || GENERAL_QUALIFIES.test(text.slice(h.end, h.end + 24));
}

/** A clause's own condition replaces an inherited one of the same dimension. */
export const conditionGroup = dimensionOf;

/** For a percentage, an action verb says which rate is meant (90%的来电20秒内接通 → answer-rate). */
export const RATE_OF_VERB: Partial<Record<DurationMetric, RateMetric>> = {
  answer: 'answer-rate',
  resolve: 'resolution-rate',
  reply: 'response-rate',
  'first-response': 'response-rate',
  acknowledge: 'response-rate',
  'follow-up': 'follow-up-rate',
};

/** The first answer, however it is named: "A timely response…, promising to acknowledge within 10 working days". */
const FIRST_ANSWER = new Set<Metric>(['answer', 'acknowledge', 'first-response', 'reply']);

export function metricFamily(metric: Metric): Metric {
  return FIRST_ANSWER.has(metric) ? 'first-response' : metric;
}
