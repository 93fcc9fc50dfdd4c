// The conditions of one value: its clause's own, the heading's, and the case the clause names by a condition
// (发生部分损失的，…), its subject (涉及退费的案件), what 完成 completes, its stage, topic, fault or rate.

import { mergeConditions, type SentenceCtx } from './assign';
import { faultKindOf, rateSubjectOf, stageInClause, subjectWords, topicOf, uptimeSubjectOf } from './case-phrases';
import { conditionalCaseOf, kindSubjectOf } from './conditional-cases';
import { cutoffOf } from './cutoff';
import { dimensionOf, openValue } from './dimensions';
import type { Hit } from './lexicon';
import type { Condition } from './types';
import { withItemCase } from './value-scope';

/** 在办妥手续后, 自受理之日起, 收到申请后: where a deadline's clock starts. */
const CLOCK_START = /^(?:在|自|从|于)?[^，,。；;]{0,20}(?:后|起|之日|以后)$/;
const GENERIC_DONE = /^(?:完成|complet(?:e|es|ed)|done|finish(?:ed)?)$/i;

export function conditionsOf(ctx: SentenceCtx, i: number, ownConditions: Condition[], metricHit: Hit | undefined): Condition[] {
  const found = conditionsNamed(ctx, i, ownConditions, metricHit);
  // | 非居民客戶 | 普通膜式表 | 施工通氣 | 客戶簽訂委托書7個工作日內完成 |: the row's case and the one its text names, together.
  const row = ctx.context.inTableCell ? ctx.context.headingConditions?.find((c) => c.startsWith('case:')) : undefined;
  const named = row ? found.find((c) => c.startsWith('case:')) : undefined;
  return row && named && named !== row ? withItemCase(found.filter((c) => c !== named).concat(row), named) : found;
}

function conditionsNamed(ctx: SentenceCtx, i: number, ownConditions: Condition[], metricHit: Hit | undefined): Condition[] {
  const cutoff = cutoffOf(ctx.text, ctx.clauses, ctx.valueClause[i]!, ctx.values[i]!.start);
  const conditions = mergeConditions(cutoff ? mergeConditions(ownConditions, [cutoff]) : ownConditions, ctx.context.headingConditions);
  // A case the clause names itself is final; a heading's (## 报装安装) gives way to what the clause names below.
  if (ownConditions.some((c) => dimensionOf(c) === 'case')) return conditions;
  const clause = ctx.clauses[ctx.valueClause[i]!]!;
  const own = (open: Condition | undefined) => (open ? mergeConditions([open], conditions) : undefined);
  const conditional = own(conditionalCaseOf(ctx, ctx.valueClause[i]!));
  if (conditional) return conditional;
  const kind = own(kindSubjectOf(ctx, clause, ctx.values[i]!.start));
  if (kind) return kind;
  // "发行商披露（在问题确认后1~14天内完成）": a bare "complete" says nothing of what is completed; what the
  // clause names before the value is the promise, so steps of a process are never compared with each other.
  if (metricHit && GENERIC_DONE.test(ctx.text.slice(metricHit.start, metricHit.end))) {
    // 7个自然日内完成户内管线安装, 3个自然日内完成置换通气: what 完成 takes as its object is the service,
    // whatever stands before the value (often only when the clock starts).
    const object = metricHit.start >= ctx.values[i]!.end ? doneObject(ctx, metricHit, clause.end) : undefined;
    if (object) return own(openValue('case', object))!;
    // 在1~3天内完成: a preposition or a comparator before the value names nothing.
    let subject = ctx.text.slice(clause.start, ctx.values[i]!.start).replace(/[*_`]/g, '').trimEnd();
    subject = subject.replace(/(?:不少于|不多于|不超过|不低于|不高于|不迟于|在|于|将|须|应|需|满)$/, '');
    // 开通装表业务，在办妥手续后7-15个工作日内完成: when the clock starts is no case; the clause before names the service.
    const ci = ctx.valueClause[i]!;
    // A cell's labels are put before its text as a clause of their own ("办理时限，"): they are not the clause before.
    const previousIsOwn = ci > 0 && ctx.clauses[ci - 1]!.sentence === clause.sentence && ctx.clauses[ci - 1]!.start >= (ctx.context.prefixLength ?? 0);
    if (CLOCK_START.test(subject) && previousIsOwn) {
      const previous = ctx.clauses[ci - 1]!;
      subject = subjectWords(ctx.text.slice(previous.start, previous.end).replace(/[,，;；]\s*$/, '')) ?? '';
    } else if (CLOCK_START.test(subject) && conditions.some((c) => dimensionOf(c) === 'case')) {
      // | 驗收通氣 | 燃氣工程竣工后1個工作日內完成 |: the row names the step; when its clock starts names none.
      return conditions;
    }
    const done = own(/[\p{L}\p{N}]{2}/u.test(subject) ? openValue('case', subject) : undefined);
    if (done) return done;
  }
  // "respond to all stage 2 complaints within 30 working days": the stage is the case.
  const stage = own(stageInClause(ctx.text.slice(clause.start, clause.end)));
  if (stage) return stage;
  const topic = own(topicOf(ctx.text.slice(i > 0 ? ctx.values[i - 1]!.end : ctx.sentence.start, ctx.values[i]!.start)));
  if (topic) return topic;
  const fault = own(faultKindOf(ctx, clause.start, ctx.values[i]!.start));
  if (fault) return fault;
  const rate = metricHit?.kind === 'rate' ? own(rateSubjectOf(ctx.text, ctx.clauses, ctx.valueClause[i]!, metricHit) ?? uptimeSubjectOf(ctx.text, metricHit)) : undefined;
  return rate ?? conditions;
}

/** The object of a Chinese 完成 after the value: 户内管线安装 of 完成户内管线安装。, unless a word of a table (处理, 投诉, 紧急) is in it. */
function doneObject(ctx: SentenceCtx, done: Hit, clauseEnd: number): string | undefined {
  const m = DONE_OBJECT_ZH.exec(ctx.text.slice(done.end, Math.min(clauseEnd, done.end + 40)));
  if (!m) return undefined;
  const end = done.end + m[1]!.length;
  const named = ctx.hits.some((h) => h.start < end && h.end > done.end && (h.kind === 'metric' || h.kind === 'rate' || h.kind === 'channel' || h.kind === 'condition'));
  const object = m[1]!.replace(/等(?:工作|事项|手续)?$/, '');
  return named || object.length < 2 ? undefined : object;
}

/** Han words up to a conjunction, 的, 后 or punctuation: 户内管线安装 of 户内管线安装并通气; a list 申报、填表…等工作 whole. */
const DONE_OBJECT_ZH = /^([\u4e00-\u9fff][\u4e00-\u9fff、]{1,30}?)(?=[并且和及或后的，,。；;:：\s)）]|$)/;
