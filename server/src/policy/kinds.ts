// What kinds of document there are, and the words that tell them apart. The
// decision itself (policy/kind-inference.ts) reads these tables; nothing else
// knows a title pattern.

import type { DocumentKind, Language } from '../engine/types';
import { ownValue } from '../config/own';

/** The kinds a user can declare; each has its own catalogue of required topics. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['handbook', 'commitment-letter', 'website-policy', 'sla'];

/**
 * Titles that name a kind outright, checked in order: 服务承诺书 must not be read
 * as a handbook because it says 服务, and 漏洞处理规范 is a standard (handbook)
 * before it is a vulnerability policy.
 */
export const TITLE_KINDS: [DocumentKind, RegExp][] = [
  [
    'commitment-letter',
    /承诺书|承诺函|保证书|服务承诺|质量承诺|客户承诺|社会承诺|服务公约|服务宣言|承诺(?:与|和|及)(?:准则|规范|标准|守则)|(?<![与和及])承诺(?:内容|事项)?[”"」』]?\s*$|\bcommitment\s+letter\b|\b(?:service|customer|client)\s+(?:commitments?|pledges?|guarantees?|charter|promises?)\b|\bour\s+(?:pledge|promise|commitment)s?\b|\bperformance\s+pledges?\b|\bpledge\b|\bcharter\b/i,
  ],
  ['sla', /服务水平协议|服务等级协议|服务级别协议|服务质量协议|\bSLAs?\b(?!-)|\bSLOs?\b|\bservice[-\s]+levels?(?:\s+(?:agreements?|objectives?|commitments?|targets?|terms))?\b|\buptime\s+(?:guarantee|commitment)\b/i],
  [
    'handbook',
    /服务手册|客服手册|员工手册|工作手册|操作手册|服务指南|管理指南|服务标准|客服标准|服务指引|服务规范汇编|标准汇编|处理规范|管理规范|工作规范|\b(?:customer\s+)?(?:service|support)\s+(?:handbook|manual|guide|standards?)\b|\bhandbook\b|\bmanual\b|\bplaybook\b|\brunbook\b|\boperational\s+(?:processes|procedures)\b|\bservice\s+standards?\b/i,
  ],
  [
    'website-policy',
    /客户服务制度|客服制度|服务管理制度|服务制度|服务规范|服务政策|售后服务|客户服务(?:管理)?(?:办法|规定|细则|规程)|投诉(?:处理|管理|受理)(?:管理)?(?:办法|制度|规定|细则|流程|规程|规范|政策|准则|守则)|(?:投诉|申诉)(?:(?:与|和|及)?(?:处理|受理))(?:程序|流程)|首问(?:负责|责任)制|漏洞(?:处理|响应|管理|披露|上报)|安全(?:漏洞|问题)?(?:响应|披露|公告|处理)|问题处理|支持政策|\b(?:customer\s+)?(?:service|support|complaints?)\s+(?:polic(?:y|ies)|guidelines?|process(?:es)?|procedures?|terms)\b|\bcustomer\s+care\s+policy\b|\bcomplaints?\s+(?:handling\s+)?(?:procedure|process|policy)\b|\b(?:security|vulnerability)\s+(?:disclosure|response|reporting|handling)\b|^report(?:ing)?\s+(?:a\s+)?(?:security\s+)?(?:vulnerabilit(?:y|ies)|security\s+(?:issues?|bugs?))$|^(?:报告|上报|提交)(?:安全)?漏洞$|\b(?:responsible|coordinated)\s+(?:vulnerability\s+)?disclosure\s+polic(?:y|ies)\b|\bsecurity\s+polic(?:y|ies)\b|安全(?:政策|策略)|\bissues?\s+polic(?:y|ies)\b|\bcustomer\s+service\s+objectives?\b|(?:退换货|退货|换货|退款|退费)(?:政策|制度|规则|规定|须知)|\b(?:returns?|refunds?|exchanges?)(?:\s*(?:and|&)\s*(?:returns?|refunds?|exchanges?))?\s+polic(?:y|ies)\b|^(?:投诉|投诉(?:与|和|及)?建议|(?:意见|建议)(?:与|和|及)?投诉)$|^(?:make\s+a\s+)?complaints?$|^complaints?(?:\s*,\s*[a-z]+)*,?\s+(?:and|&)\s+(?:[a-z]+\s+)?(?:concerns|disputes|appeals|grievances|feedback|compliments|comments)$|^(?:comments|feedback|compliments),?\s+(?:and|&)\s+complaints$|^complaints?,?\s+(?:and|&)\s+(?:comments|feedback|compliments)$/i,
  ],
];

/**
 * Titles that suggest a kind only when the document also makes service promises:
 * a page called "Support" or 安全 may be a help page with no promise in it.
 */
export const WEAK_TITLE_KINDS: [DocumentKind, RegExp][] = [
  ['handbook', /手册|指南|规范|标准|规程|汇编|要点|\bguide\b|\bguidelines?\b|\bstandards\b|\bprocedures?\b|\bprocesses\b|\boperations?\b/i],
  ['website-policy', /支持|服务|客服|安全|漏洞|流程|策略|政策|制度|说明|报修|维修|投诉|工单|凭单|退款|退货|退换|换货|售后|理赔|\bsupport\b|\bservices?\b|\bhelp\b|\bhelp\s*desk\b|\bservice\s+desk\b|\brefunds?\b|\breturns?\b|\bsecurity\b|\bpolic(?:y|ies)\b|\bobjectives?\b|\bcontributing\b|\bissues?\b|\bbugs?\b/i],
];

/** A table's header cell that names its column as the pledges themselves: 承诺, 服务承诺, "Our pledge". */
export const PLEDGE_HEADER = /^\s*(?:(?:服务|我们的)?承诺(?:内容|事项)?|(?:our|service|performance)\s+(?:pledges?|promises?)|pledges?)\s*$/i;

/**
 * 关于印发《业务办理服务时限承诺（修订）》的通知: a notice that publishes a document is that document; its
 * name, without the qualifier in brackets at its end, says what it is.
 */
export function publishedName(title: string): string {
  const published = /(?:印发|发布|公布|颁布|转发|下发)[^《\n]{0,12}《([^》\n]{2,60})》/.exec(title);
  return (published ? published[1]! : title).replace(TITLE_QUALIFIER, '').trimEnd();
}

/** （修订）, （试行）, (2021年版), "(Revised)": what edition a title is, not what it is. */
const TITLE_QUALIFIER = /[(（][^()（）]{0,12}(?:修订|修正|试行|暂行|草案|征求意见稿|版|revised|draft|edition|version)[^()（）]{0,6}[)）]\s*$/i;

/**
 * File names whose whole name is a kind (a file's words, lower case, without its extension and language: SUPPORT.md,
 * sla.md, SECURITY_cn.md, SUPPORT.zh-CN.md): they say what the document is, promises or not.
 */
const FILE_KINDS: [DocumentKind, RegExp][] = [
  ['sla', /^(?:slas?|service level(?: agreement)?)$/],
  ['website-policy', /^(?:support|support policy|complaints?(?: policy)?|security)$/],
];

/**
 * File names that end in the name of a kind of document, after the organisation's: acme-customer-charter.md,
 * paas-support-manual.md, service-level-agreement.md. Only the end counts ("opening-raises-service-level.md" names
 * no document), and pledges or promises only as a customer's or a service's (not javascript-promises.md).
 */
const FILE_NAME_ENDS: [DocumentKind, RegExp][] = [
  ['sla', /(?:^|\s)(?:slas?|service\s+level\s+(?:agreements?|objectives?|targets?))$/],
  ['commitment-letter', /(?:^|\s)(?:(?:customer|service|client|performance)\s+(?:charter|pledges?|promises?|commitments?)|charter)$/],
  ['handbook', /(?:^|\s)(?:handbook|manual|playbook|runbook|service\s+standards?|(?:support|service)\s+guide)$/],
  ['website-policy', /(?:^|\s)(?:support|service|customer\s+service|complaints?|security|refunds?|returns?)\s+(?:polic(?:y|ies)|procedures?|process)$/],
];
/** 服务承诺落实情况检查报告.md: a report, a check or a summary of the document, not the document. */
const ABOUT_A_DOCUMENT = /(?:报告|统计|情况|检查|总结|分析|通报|汇报|考核|评估)$/;

/** A file's words, lower case, without its extension and language: customer-charter.zh-CN.md → "customer charter". */
function fileStem(file: string): string {
  return file
    .replace(/\.(?:md|markdown|docx)$/i, '')
    .replace(/[-_.](?:cn|zh|en)(?:[-_][a-z]{2,4})?$/i, '')
    .replace(/[-_.]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The kind a file's whole name is (SUPPORT.md): checked before the document shows it promises anything. */
export function kindOfFileName(file: string): DocumentKind | undefined {
  const stem = fileStem(file);
  return FILE_KINDS.find(([, pattern]) => pattern.test(stem))?.[0];
}

/** The kind a file's name ends in (customer-charter.md), or a Chinese name read as a title is (客户服务手册.md). */
export function kindFromFileName(file: string): DocumentKind | undefined {
  const stem = fileStem(file);
  if (/[\u4e00-\u9fff]/.test(stem)) return ABOUT_A_DOCUMENT.test(stem) ? undefined : kindFromTitle(stem);
  return FILE_NAME_ENDS.find(([, pattern]) => pattern.test(stem))?.[0];
}

/** Titles of security and vulnerability policies: how reports are handled, by severity, is not an SLA. */
export const SECURITY_TITLE = /安全|漏洞|\bsecurity\b|\bvulnerabilit(?:y|ies)\b|\b(?:responsible|coordinated)\s+disclosure\b/i;

/**
 * Documents that are not an organisation's service promises, whatever numbers
 * they hold: terms and privacy notices, FAQs, changelogs, incident reviews, and articles that
 * explain a term (售后时效是什么意思, "What is an SLA?").
 * Checked on the title before any kind is guessed; a declared kind still wins.
 */
export const NOT_A_POLICY_TITLE =
  /\bFAQs?\b|frequently\s+asked|\bQ\s*&\s*A\b|常见问题|问答|答疑|\bchange\s*log\b|\brelease\s+notes?\b|\bwhat'?s\s+new\b|更新日志|更新记录|版本说明|发行说明|\bincident\s+(?:review|report|analysis)\b|\bpost-?mortem\b|\bpost-incident\b|\bretrospective\b|事故(?:报告|复盘|分析)|故障(?:报告|复盘)|复盘|\bREADME\b|\bterms\s+(?:of\s+(?:service|use)|and\s+conditions)\b|\bterms\b|\b(?<!service[-\s]level\s)agreement\b|\bprivacy\b|\bcookies?\b|\bcode\s+of\s+conduct\b|\bacceptable\s+use\b|\bDMCA\b|\btakedown\b|\btrademark\b|\blicen[cs]e\b|\blegal\b|\bguidelines\s+for\s+legal\b|\bcommunity\s+guidelines\b|\bsafe\s+harbou?r\b|\bsubprocessors\b|\btrade\s+controls\b|\banti-bribery\b|\bslavery\b|隐私政策|隐私声明|隐私协议|用户协议|服务条款|使用条款|法律声明|免责声明|许可协议|是什么意思|什么叫|什么是|是什么[?？]?$|\bwhat\s+does\b[^?]{0,60}\bmean\b|^what\s+(?:is|are)\s+(?:an?\s+)?(?:sla|service[-\s]level)/i;

/** File names of documents that are never service policies. */
export const NOT_A_POLICY_FILE = /^(?:README|CHANGELOG|CHANGES|HISTORY|NEWS|RELEASE[-_]?NOTES|AUTHORS|CONTRIBUTORS|LICEN[CS]E|NOTICE|CODE[-_]OF[-_]CONDUCT|FAQ)(?:\.[\w-]+)*\.(?:md|docx)$/i;



/**
 * The opening paragraph says what the document is: 本协议适用于…, "this policy describes our support".
 * A service level is an SLA's only when it is agreed, targeted or listed ("the key service levels for…"):
 * 提高我们的服务水平 and "improve our service levels" say how good the service should get, not what the document is.
 */
export const OPENING_KINDS: [DocumentKind, RegExp][] = [
  ['sla', /本协议|服务(?:水平|等级|级别)(?:协议|目标|指标|承诺)|\bthis\s+(?:service[-\s]level\s+)?agreement\b|\bservice[-\s]levels?\s+(?:agreements?|objectives?|targets?|commitments?)\b|\b(?:key|the\s+following)\s+service[-\s]levels?\b|\bSLAs?\b/i],
  [
    'commitment-letter',
    /郑重承诺|特此承诺|我们承诺|本承诺|(?:作|做|定)出?(?:了)?(?:如下|以下)(?:的)?(?:服务)?承诺|(?:作|做)出(?:了)?(?:公开|郑重)(?:的)?(?:服务)?承诺|(?:本[处署局行院所]|本公司|本中心|我们|我司|我行)[^，。；,;]{0,8}?(?:公布|制定|订定|订立)(?:了)?(?:以下|如下)?(?:的)?服务承诺|(?:服务)?承诺如下|\bwe\s+(?:promise|pledge)\b|\bthis\s+(?:pledge|promise|charter)\b/i,
  ],
  ['handbook', /本手册|本指南|本规范|本标准|\bthis\s+(?:handbook|manual|guide)\b/i],
  ['website-policy', /本制度|本政策|本办法|本规定|本流程|\bthis\s+(?:policy|procedure|process|page)\s+(?:describes|explains|sets\s+out|outlines)\b/i],
];

/**
 * Statutes and regulations: the instrument names itself (本法, 本条例) and carries a
 * promulgation record; an organisation's own 管理办法 speaks of 本公司 instead.
 */
export const STATUTE_TITLE = /(?:法|条例|细则|规定|办法|决定|规则|命令|方案|通知|意见|批复|解释)(?:\s*[（(][^）)]*[）)])?\s*$|中华人民共和国|\b(?:act|statute|regulations?|directive|ordinance|code)\s*(?:\d{4})?$/i;
export const STATUTE_MARKS =
  /人民代表大会|国务院令|主席令|总局令|部令|[令]第\s*[\d一二三四五六七八九十百]+\s*号|常务委员会|常务会议通过|^\s*\d{4}年\d{1,2}月\d{1,2}日[^\n]{0,40}(?:会议(?:审议)?通过|公布|施行)\s*$|\bbe\s+it\s+enacted\b|\bsection\s+\d+\s+of\s+the\b/m;
export const ORGANISATION_SELF = /本公司|我公司|我司|我行|本行(?!政)|本中心|我中心|本平台|我们|\bwe\b|\bour\b/i;

/**
 * Words of customer service and support: a document whose title, headings or
 * opening use none of them is not read as a service policy from its numbers alone.
 */
export const SERVICE_VOCABULARY =
  /客服|客户|顾客|用户|服务|支持|工单|投诉|热线|来电|咨询|响应|受理|报修|维修|漏洞|安全问题|问题处理|退款|退货|退换|售后|\bsupport\b|\bcustomers?\b|\bclients?\b|\bservice\b|\b(?:tele)?phone\b|\bcall(?:s|ers?)?\b|\be-?mails?\b|\bhelpline\b|\bhotline\b|\benquir(?:y|ies)\b|\binquir(?:y|ies)\b|\bcontact\s+(?:us|centre|center)\b|\bhelp\s*desk\b|\bservice\s+desk\b|\btickets?\b|\bincidents?\b|\bcomplaints?\b|\bresponse\s+times?\b|\brespond\b|\bbug\s+reports?\b|\bissues?\b|\bpull\s+requests?\b|\bvulnerabilit(?:y|ies)\b|\bSLAs?\b|\buptime\b/i;

const KIND_ALIASES: Record<string, DocumentKind> = {
  handbook: 'handbook',
  手册: 'handbook',
  'commitment-letter': 'commitment-letter',
  commitment: 'commitment-letter',
  承诺书: 'commitment-letter',
  'website-policy': 'website-policy',
  policy: 'website-policy',
  制度: 'website-policy',
  sla: 'sla',
  服务水平协议: 'sla',
};

const KIND_NAMES: Record<DocumentKind, { en: string; zh: string }> = {
  handbook: { en: 'handbook', zh: '客户服务手册' },
  'commitment-letter': { en: 'commitment letter', zh: '承诺书' },
  'website-policy': { en: 'service policy', zh: '客户服务制度' },
  sla: { en: 'SLA', zh: '服务水平协议' },
};

/** A kind as messages name it: "SLA", 服务水平协议. */
export function kindName(kind: DocumentKind, locale: 'zh-CN' | 'en'): string {
  return locale === 'zh-CN' ? KIND_NAMES[kind].zh : KIND_NAMES[kind].en;
}

/** The value of `kind:` that opts a document out of every kind-specific check. */
export const NO_KIND = /^(?:none|null|false|no|off|无)$/i;

export function parseKind(value: unknown): DocumentKind | undefined {
  return typeof value === 'string' ? ownValue(KIND_ALIASES, value.trim().toLowerCase()) : undefined;
}

export function kindFromTitle(title: string | undefined): DocumentKind | undefined {
  if (!title) return undefined;
  for (const [kind, pattern] of TITLE_KINDS) if (pattern.test(title)) return kind;
  return undefined;
}

/** zh when Han characters outweigh Latin words; samples the start of long documents. */
export function detectLanguage(text: string): Language {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  let han = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) han++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  // A Latin word is about five letters; a Han character is a word on its own.
  return han * 5 >= latin ? (han > 0 ? 'zh' : 'en') : 'en';
}
