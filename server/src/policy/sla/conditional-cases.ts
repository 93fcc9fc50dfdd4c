// The cases a Chinese condition names for the values after it: a line that heads the lines under it
// (16 遇有食水供應突然中斷:), and a clause before the value's (发生部分损失的，…; 若涉及二个以上单位，则于…).

import { saysMoreThanContact, type SentenceWords } from './case-phrases';
import { openValue } from './dimensions';
import type { Hit } from './lexicon';
import { lowerBound, type Clause } from './text';
import type { Condition } from './types';

/**
 * The case a line of a block heads the lines after it with: "16 遇有食水供應突然中斷:" over "(a) …15分鐘內到場處理;
 * (b) …1小時內到場維修". Only a short line that opens with the words of a case (遇有, 对于, For, In the event of) and
 * ends in a colon, with no word the tables read (a channel, a metric, a condition) in it.
 */
export function headLineCase(text: string, sentence: { start: number; end: number }, hits: readonly Hit[]): Condition | undefined {
  const m = HEAD_LINE.exec(text.slice(sentence.start, sentence.end));
  if (!m || hits.some((h) => h.start >= sentence.start && h.end <= sentence.end && h.kind !== 'vague')) return undefined;
  return openValue('case', m[1]!);
}

const HEAD_LINE =
  /^\s*(?:\d{1,3}[.、]?\s*|[（(]?[一二三四五六七八九十\d]{1,3}[)）、.]\s*)?(?:遇有|如遇|遇到|对于|针对|凡|若|如果|发生|(?:for|if|when|where|in\s+(?:the\s+)?(?:case|event)\s+of)\s+)([^:：,，;；。.\n]{4,40}?)\s*[:：]\s*$/i;

/**
 * The case a Chinese conditional clause before the value names: 发生全部损失的，在10日内完成…；发生部分损失的，在20日内…,
 * 不能当日回复的，在3个交易日内回复, 若涉及二个以上单位或外文信件，则于5个工作日内回复. It is one of at most four clauses
 * before the value's, in its item, with no number, no condition the tables know, and no channel unless it says more
 * than how the customer got in touch. It reaches past one clause with a value
 * (具备通水条件的，5个工作日内完成审批，收到工程款5个工作日内安排施工) only when the value's own clause opens with the
 * value or an event, not a subject of its own (其他问题, 企业用户).
 */
export function conditionalCaseOf(ctx: SentenceWords & { clauses: readonly Clause[]; clauseHasValue: ReadonlySet<number> }, clauseIndex: number): Condition | undefined {
  const own = ctx.clauses[clauseIndex]!;
  if (own.afterSemicolon && clauseIndex > 0 && ctx.clauses[clauseIndex - 1]!.sentence === own.sentence) return undefined;
  const firstValue = ctx.values[lowerBound(ctx.values, own.start)];
  const opensWithEvent = firstValue !== undefined && firstValue.start < own.end && EVENT_OR_NOTHING.test(ctx.text.slice(own.start, firstValue.start).trim());
  for (let k = clauseIndex - 1; k >= 0 && k >= clauseIndex - 4; k--) {
    const clause = ctx.clauses[k]!;
    if (clause.sentence !== own.sentence) return undefined;
    // 不能当日回复的: the deadline it fails is part of the case.
    const m = CONDITIONAL_CLAUSE.exec(ctx.text.slice(clause.start, clause.end));
    if (m) {
      const phrase = m[1] ?? m[2]!;
      const start = clause.start + m[0].indexOf(phrase);
      const inside = ctx.hits.filter((h) => h.start >= start && h.end <= start + phrase.length);
      if (inside.some((h) => h.kind === 'condition')) return undefined;
      const channels = inside.filter((h) => h.kind === 'channel');
      return channels.length > 0 && !saysMoreThanContact(ctx.text, start, start + phrase.length, channels) ? undefined : openValue('case', phrase);
    }
    if (clause.afterSemicolon || (ctx.clauseHasValue.has(k) && (k < clauseIndex - 2 || !opensWithEvent))) return undefined;
  }
  return undefined;
}

/** What may open the clause of a value that a case clause two clauses back still scopes: nothing, 并, or the event its clock starts at. */
const EVENT_OR_NOTHING = /^(?:并|且|再|应|须|在|于|(?:收到|接到|接报|自|从)[\u4e00-\u9fff]{0,8}?(?:后|起)?)?$/;

/** 不能当日回复的, and a clause that 若 or 如果 opens (若属于立即可以处理回复案件，则于…内回复). */
const CONDITIONAL_CLAUSE =
  /^\s*(?:(?:如果|如|若(?!干)|凡)?([\u4e00-\u9fff、]{2,24})的|(?:如果|若(?!干)|倘若|假如|假若)([\u4e00-\u9fff、]{2,24}(?:[（(][\u4e00-\u9fff、]{1,8}[)）][\u4e00-\u9fff、]{0,16})?))\s*[,，]?\s*$/;

/**
 * The case a Chinese clause names by its subject, a kind of request: 不涉及补退费与核保类的保全案件1个工作日内处理完毕；
 * 涉及退费与核保类的保全案件在4个工作日内处理完毕, 99%的来港工作签证申请都能够在四星期内完成处理. The whole clause before
 * the value is the subject (maybe with 在, 应在, or when its clock starts: 自客户交纳足额保险费之日起); the words before
 * its head noun are more than 客户 or 所有, and name no channel, metric or condition the tables read.
 */
export function kindSubjectOf(ctx: SentenceWords, clause: Clause, valueStart: number): Condition | undefined {
  const before = ctx.text.slice(clause.start, valueStart);
  const m = KIND_SUBJECT.exec(before);
  if (!m || ANY_ONE.test(m[2]!) || NOT_A_NOUN.test(m[1]!)) return undefined;
  // With 的 only a kind named by what it involves or its class (涉及退费…类的): 本公司收到的咨询, 市民反映的问题 and
  // 网上提交的申请 are any request, however it came.
  const named = NAMED_KIND.test(m[2]!);
  if (m[1]!.includes('的') && !named) return undefined;
  const start = clause.start + m.index + m[0].indexOf(m[1]!);
  const end = start + m[1]!.length;
  // 涉及退费与核保类的: a kind named after what it involves may name an action.
  if (ctx.hits.some((h) => h.start < end && h.end > start && h.kind !== 'vague' && !(named && h.kind === 'metric'))) return undefined;
  return openValue('case', m[1]!);
}

const KIND_SUBJECT =
  /^\s*(?:\d{1,2}[.、]\s*|[（(][一二三四五六七八九十\d]{1,2}[)）]\s*)?(?:\d{1,3}(?:\.\d+)?[%％]的)?(?:所有|全部|一切)?(([\u4e00-\u9fff、]{2,20}?)的?[\u4e00-\u9fff]{0,6}?(?:案件|申请|事项|投诉|问题|业务|工单|请求|诉求|信件|来信|咨询|查询|举报|报修))\s*(?:都|均)?\s*(?:能够|能|可以|可|会|将|应|须)?\s*(?:按承诺)?\s*(?:在|于)?\s*(?:自[^，。；,;:：]{1,30}?起)?\s*$/;
/** 本处亦能履行承诺在递交申请: a clause with a speaker, a verb of ability or a preposition in it is no noun phrase. */
const NOT_A_NOUN = /[在于能将会应须亦也都均被把对向给由从按]|本[处署局公司行院所]|我们|我司|我行/;
const NAMED_KIND = /^不?(?:涉及|属于|需|需要|无需)|[类型种]$/;
/** 客户的投诉, 所有的申请: a subject anyone's request is, no kind of it. */
const ANY_ONE = /^(?:客户|用户|顾客|群众|市民|消费者|投保人|您|你们|我们|所有|全部|一切|任何|各类|各项|各种|一般|上述|以上|有关|相关)$/;
