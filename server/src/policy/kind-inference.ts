// Which kind of document this is, from everything it says: front matter first,
// then whether it is a policy at all (a statute, a FAQ, a README is not), its
// title, the config, its file name, its opening paragraph and the promises it
// makes. The decision and its reason are kept on the document, so the CLI's
// JSON, --verbose and the editor's hover can tell the user why.

import type { PolicylintConfig } from '../config/types';
import type { PolicyDocument } from '../engine/document';
import type { DocumentKind, KindSource } from '../engine/types';
import { collectCommitments, refreshDocumentKind, type CommitmentRecord } from './commitments';
import { RANKED_DIMENSIONS } from './sla/dimensions';
import { findVagueCommitments } from './sla/vague';
import { findPlaceholders } from './placeholders';
import { simplified } from './traditional';
import {
  kindFromFileName,
  kindOfFileName,
  kindFromTitle,
  NO_KIND,
  NOT_A_POLICY_FILE,
  NOT_A_POLICY_TITLE,
  OPENING_KINDS,
  ORGANISATION_SELF,
  parseKind,
  PLEDGE_HEADER,
  publishedName,
  SERVICE_VOCABULARY,
  STATUTE_MARKS,
  SECURITY_TITLE,
  STATUTE_TITLE,
  WEAK_TITLE_KINDS,
} from './kinds';

export interface KindDecision {
  kind?: DocumentKind;
  source: KindSource;
  /** Why, in a few words of English (the CLI's --verbose and JSON); undefined when nothing was decided. */
  reason?: string;
}

// Promises that make a document a service policy. A notice period or a retention
// time alone does not: terms of service and statutes are full of them.
const SERVICE_METRICS = new Set(['answer', 'acknowledge', 'first-response', 'reply', 'resolve', 'follow-up', 'arrival', 'investigate', 'availability', 'satisfaction', 'first-contact-resolution', 'answer-rate', 'service-hours', 'escalation', 'refund']);
// Promises tiered by priority or severity (the ranked dimensions), or an availability target: what an SLA is made of.
const TIER_DIMENSIONS = new Set<string>(RANKED_DIMENSIONS);

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * The first two paragraphs' text, without markup (a few hundred characters each): a page copied from a
 * site may open with its byline (来源: 时间:2025-05-20) before "…作如下服务承诺".
 */
function opening(doc: PolicyDocument): string {
  const firsts = doc.md.prose.filter((b) => b.kind === 'paragraph' && b.text.trim().length > 20).slice(0, 2);
  return firsts.map((b) => b.text.slice(0, 400)).join('\n');
}

/** The first tables' header cells: a page that is only tables ("Target Response Time (Enterprise)") says what it is there. */
function tableHeaders(doc: PolicyDocument, count = 16): string {
  const out: string[] = [];
  for (const b of doc.md.prose) {
    if (out.length >= count) break;
    if (b.cell?.isHeader) out.push(b.text.slice(0, 120));
  }
  return out.join('\n');
}

/** The first few paragraphs: a page that opens "When you visit our offices" speaks of service a line later. */
function openingParagraphs(doc: PolicyDocument, count = 4): string {
  const out: string[] = [];
  for (const b of doc.md.prose) {
    if (out.length >= count) break;
    if (b.kind === 'paragraph' && b.text.trim()) out.push(b.text.slice(0, 400));
  }
  return out.join('\n');
}

function isStatute(doc: PolicyDocument, title: string): boolean {
  if (!STATUTE_TITLE.test(title)) return false;
  // 条例 names a state regulation; an organisation calls its own rules 办法, 制度 or 规定.
  if (/条例(?:\s*[（(][^）)]*[）)])?\s*$/.test(title)) return true;
  const head = withoutQuoted(doc.text.slice(0, 3000), '《', '》');
  if (STATUTE_MARKS.test(head)) return true;
  // The instrument refers to itself (本法, 本条例, 本办法) and never to an organisation that promises.
  const selfReference = /本(?:法|条例|细则|规定|办法|决定|规则)/.test(head);
  return selfReference && !ORGANISATION_SELF.test(withoutQuoted(head, '“"「', '”"」'));
}

/** Quoted or titled runs (《…》, “…”) of at most 300 characters removed: they name other instruments and speakers. */
export function withoutQuoted(text: string, opens: string, closes: string): string {
  const openCodes = [...opens].map((c) => c.charCodeAt(0));
  const closeCodes = [...closes].map((c) => c.charCodeAt(0));
  let out = '';
  let from = 0;
  // The nearest closer at or after a position, found once going forward: no opener rescans what another scanned.
  let close = -1;
  for (let i = 0; i < text.length; i++) {
    if (!openCodes.includes(text.charCodeAt(i))) continue;
    if (close <= i) {
      close = i + 1;
      while (close < text.length && !closeCodes.includes(text.charCodeAt(close))) close++;
    }
    if (close < text.length && close - i <= 301) {
      out += text.slice(from, i);
      from = close + 1;
      i = close;
    }
  }
  return out + text.slice(from);
}

/** 供电可靠率, 供水可靠性: a utility's reliability of supply, not a service's uptime. */
const SUPPLY_RELIABILITY = /可靠率|可靠性|reliability/i;

function promiseProfile(records: readonly CommitmentRecord[], text: string): { promises: number; tiered: number; availability: boolean } {
  let promises = 0;
  let tiered = 0;
  let availability = false;
  for (const r of records) {
    if (r.placeholder || !r.metric || !SERVICE_METRICS.has(r.metric)) continue;
    promises++;
    if (r.metric === 'availability' && !SUPPLY_RELIABILITY.test(text.slice(r.start, r.valueStart))) availability = true;
    if (Object.keys(r.scope).some((d) => TIER_DIMENSIONS.has(d))) tiered++;
  }
  return { promises, tiered, availability };
}

/** The first short line among a headingless page's opening lines that names a kind: 供水服务社会承诺内容 after the site's menu. */
function titleAfterMenu(doc: PolicyDocument): { kind: DocumentKind; line: string } | undefined {
  for (const block of doc.md.prose.slice(0, 8)) {
    if (block.kind !== 'paragraph' || block.inQuote) continue;
    for (const raw of block.text.split('\n').slice(0, 8)) {
      const line = raw.trim();
      // "服务指南 > 首页" is the breadcrumb, not the page's title.
      // 乌鲁木齐市沙依巴克区政务服务中心首问负责制: a longer line is a title only without a sentence's punctuation.
      const length = [...line].length;
      if (!line || length > 36 || (length > 20 && /[，,。：:；;！!？?、]/.test(line)) || /[>›»/|]/.test(line)) continue;
      const kind = kindFromTitle(simplified(line));
      if (kind) return { kind, line };
    }
  }
  return undefined;
}

/** A title that is only a blank: "Your Policy Title", [Policy Name], 【制度名称】. */
function isTemplateTitle(title: string): boolean {
  const blank = findPlaceholders(title).find((p) => p.form === 'bracket' || p.form === 'template');
  if (blank && title.replace(blank.text, '').trim() === '') return true;
  return /^(?:your|insert|enter)\s+(?:[\w-]+\s+){0,3}(?:title|name)$/i.test(title.trim());
}

/** Whether some paragraph promises a service (a response, a fix) in vague words only: 我们会尽快确认收到报告. */
function promisesWithoutTime(doc: PolicyDocument): boolean {
  return doc.md.prose.some((b) => b.kind === 'paragraph' && findVagueCommitments(b.text, doc.language).some((v) => v.metric !== undefined && SERVICE_METRICS.has(v.metric)));
}

/**
 * A support page with response times by priority, or an uptime target, is an SLA; otherwise a support policy.
 * A security or vulnerability policy stays a policy: its response times by severity are how it handles reports.
 */
function kindOfPromises(profile: ReturnType<typeof promiseProfile>, suggested: DocumentKind | undefined, security = false): DocumentKind {
  const slaLike = profile.availability || (profile.tiered >= 3 && !security);
  if (suggested === 'website-policy' && slaLike) return 'sla';
  return suggested ?? (slaLike ? 'sla' : 'website-policy');
}

export function decideKind(doc: PolicyDocument, config: PolicylintConfig): KindDecision {
  const declared = doc.frontMatter.kind;
  if (typeof declared === 'string' && NO_KIND.test(declared.trim())) return { source: 'front-matter', reason: 'front matter says kind: none' };
  const fromFrontMatter = parseKind(declared);
  if (fromFrontMatter) return { kind: fromFrontMatter, source: 'front-matter', reason: `front matter says kind: ${String(declared)}` };

  const rawTitle = doc.title ? doc.text.slice(doc.title.span.start, doc.title.span.end).trim() : '';
  // 服務承諾 is 服务承诺: the title words are written once, in Simplified; a reason quotes the title as written.
  const written = (doc.title?.text ?? '').replace(/^#+\s*/, '').trim();
  const title = simplified(written);
  const file = baseName(doc.path);
  if (NOT_A_POLICY_FILE.test(file)) return { source: 'none', reason: `${file} is not a policy document` };
  // A title that is all code (# `sla-order`) names an identifier: reference documentation, not a policy.
  if (/^`[^`]+`$/.test(rawTitle)) return { source: 'none', reason: `the title ${rawTitle} is code` };
  if (title && NOT_A_POLICY_TITLE.test(title)) return { source: 'none', reason: `the title "${written}" names another kind of document` };
  // "# Your Policy Title", "# 【制度名称】": a template nobody has filled in yet promises nothing; its blanks are still reported.
  if (title && isTemplateTitle(title)) return { source: 'none', reason: `the title "${written}" is a blank to fill in` };
  if (title && isStatute(doc, title)) return { source: 'none', reason: `"${written}" is a statute or regulation, not an organisation's policy` };

  const fromTitle = kindFromTitle(publishedName(title));
  if (fromTitle) return { kind: fromTitle, source: 'title', reason: `the title "${written}"` };
  // A page saved from a site opens with its menu and breadcrumb (欢迎您访问本网站!, 便民服务) before its own title.
  const pageTitle = doc.md.headings.length === 0 ? titleAfterMenu(doc) : undefined;
  if (pageTitle) return { kind: pageTitle.kind, source: 'title', reason: `the title line "${pageTitle.line}"` };
  if (config.kind) return { kind: config.kind, source: 'config', reason: `the config says kind: ${config.kind}` };
  const fileKind = kindOfFileName(file);
  if (fileKind) return { kind: fileKind, source: 'file-name', reason: `the file name ${file}` };

  // From here on the document must show that it promises a service.
  const open = simplified(opening(doc));
  const headings = simplified(doc.outline.entries.filter((e) => e.titleLike).map((e) => e.title).join('\n'));
  const paragraphs = openingParagraphs(doc);
  // A page that is only tables says what it is in their headers; a README with a benchmark table says it in its prose.
  const onlyTables = !title && !headings && !paragraphs ? tableHeaders(doc) : '';
  if (!SERVICE_VOCABULARY.test(`${title}\n${simplified(paragraphs)}\n${headings}\n${simplified(onlyTables)}`)) return { source: 'none' };
  // docs/customer-charter.md, complaints-procedure.md: a name that says what the document is, as a title would.
  const named = kindFromFileName(file);
  if (named) return { kind: named, source: 'file-name', reason: `the file name ${file}` };
  const profile = promiseProfile(collectCommitments(doc), doc.text);
  if (profile.promises === 0) {
    // "We will acknowledge your report as soon as we can": a vulnerability-reporting page that promises a
    // response with no time is still a policy, and the missing time is what a reviewer reports.
    if (SECURITY_TITLE.test(title) && promisesWithoutTime(doc)) return { kind: 'website-policy', source: 'content', reason: `the title "${written}" and a promise to respond with no time` };
    return { source: 'none' };
  }
  const security = SECURITY_TITLE.test(title);
  const fromOpening = OPENING_KINDS.find(([, pattern]) => pattern.test(open));
  // "常規服務" over a table whose column is 承諾, "…定以下的服務承諾:": a title that only says "service" gives way to pledges.
  const pledges = fromOpening?.[0] === 'commitment-letter' ? 'the opening paragraph' : pledgeColumn(doc) ? 'a column of pledges' : undefined;
  const weak = WEAK_TITLE_KINDS.find(([, pattern]) => pattern.test(title));
  if (weak && pledges && weak[0] === 'website-policy' && !SPECIFIC_POLICY_TITLE.test(title)) {
    return { kind: 'commitment-letter', source: 'content', reason: `${pledges} and ${profile.promises} service promise(s)` };
  }
  // 安全漏洞报告指南, "Vulnerability disclosure guidelines": how reports are handled is a policy, however it is called
  // (供电安全服务规程 and "Security operations" are not about reports).
  if (weak) return { kind: kindOfPromises(profile, REPORTING_TITLE.test(title) ? 'website-policy' : weak[0], security), source: 'content', reason: `the title "${written}" and ${profile.promises} service promise(s)` };
  if (fromOpening) return { kind: kindOfPromises(profile, fromOpening[0]), source: 'content', reason: `the opening paragraph and ${profile.promises} service promise(s)` };
  if (pledges) return { kind: 'commitment-letter', source: 'content', reason: `${pledges} and ${profile.promises} service promise(s)` };
  return { kind: kindOfPromises(profile, undefined), source: 'content', reason: `${profile.promises} service promise(s)${profile.tiered ? ' by priority or severity' : ''}` };
}

/** Titles about reporting vulnerabilities: 漏洞报告, 安全问题披露, "Vulnerability disclosure", "Security reporting". */
const REPORTING_TITLE = /漏洞|安全(?:问题|事件)?(?:报告|披露|响应|上报)|\bvulnerabilit(?:y|ies)\b|\b(?:responsible|coordinated)\s+disclosure\b|\bsecurity\s+(?:reporting|disclosure|response|advisor(?:y|ies))\b/i;

/** Titles of a policy more particular than "service": complaints, security, refunds, repairs. */
const SPECIFIC_POLICY_TITLE = /投诉|申诉|安全|漏洞|退款|退货|退换|换货|报修|维修|理赔|\bcomplaints?\b|\brefunds?\b|\breturns?\b/i;

/**
 * Whether one of the document's first tables heads a column 承诺 or "Pledge": its rows are the pledges. A table that
 * scores them (| 考核项目 | 承诺 | 扣分标准 |) assesses staff against pledges; it makes none.
 */
function pledgeColumn(doc: PolicyDocument): boolean {
  const headers = tableHeaders(doc).split('\n').map(simplified);
  return headers.some((header) => PLEDGE_HEADER.test(header)) && !headers.some((header) => SCORING_HEADER.test(header));
}

const SCORING_HEADER = /扣分|加分|评分|得分|分值|考核|奖惩|\bscores?\b|\bpoints\b|\bpenalt(?:y|ies)\b/i;

/** Decides the document's kind and records how (doc.kind, doc.kindSource, doc.kindReason). */
export function applyKind(doc: PolicyDocument, config: PolicylintConfig): void {
  const decision = decideKind(doc, config);
  doc.kind = decision.kind;
  doc.kindSource = decision.source;
  doc.kindReason = decision.reason;
  refreshDocumentKind(doc);
}
