// Blanks left unfilled in a template. Bracketed forms only count when what is
// inside names a value to fill in (【公司名称】, [Company]); real text uses the
// same brackets for titles (<中华人民共和国…法>), notes (【重要提示】) and quote
// edits ([GitHub employees]).

import { EN_UNIT_SOURCE, ZH_UNIT_SOURCE } from './sla/units';
import type { UserPattern } from '../config/safe-regex';
import type { ProseBlock } from '../engine/parsed-markdown';

export type PlaceholderForm = 'underscore' | 'bracket' | 'template' | 'letters' | 'stars' | 'blank-parens' | 'todo' | 'field' | 'custom';

/** Where the blank sits, which decides how bad it is. */
export type PlaceholderContext = 'value' | 'signature' | 'text';

export interface Placeholder {
  /** Offsets in the scanned text. */
  start: number;
  end: number;
  text: string;
  form: PlaceholderForm;
  context: PlaceholderContext;
}

const FILL_NOUN_ZH = '(?:名称|名字|姓名|全称|简称|日期|时间|时限|地址|电话|号码|热线|金额|数额|数字|比例|邮箱|网址|网站|地点|单位|公司|部门|机构|产品|品牌|天数|小时数|人数|城市|省份|联系人|负责人|签名|编号)';
const FILL_VERB_ZH = '(?:请?填写|请?输入|请?插入|待补充|待定|待填|此处填)';
const FILL_NOUN_EN =
  '(?:company(?:\\s+name)?|organi[sz]ation(?:\\s+name)?|business\\s+name|name|full\\s+name|date|effective\\s+date|address|e-?mail(?:\\s+address)?|phone(?:\\s+number)?|telephone|number|amount|price|product(?:\\s+name)?|service(?:\\s+name)?|brand|city|country|state|website|url|title|signature|contact(?:\\s+person)?|department|x|n|hours|days|minutes|value|tbd|tba|todo)';

const CJK_BRACKET = new RegExp(`【(?:[^【】\\n]{0,12}${FILL_NOUN_ZH}|${FILL_VERB_ZH}[^【】\\n]{0,40})】`, 'g');
const CJK_ANGLE = new RegExp(`[<＜〈](?:[^<>＜＞〈〉\\n]{0,10}${FILL_NOUN_ZH}|${FILL_VERB_ZH}[^<>＜＞〈〉\\n]{0,30})[>＞〉]`, 'g');
const LATIN_BRACKET = new RegExp(`\\[(?:(?:your|insert|enter|add|fill\\s+in)\\s+[^\\[\\]\\n]{1,30}|${FILL_NOUN_EN})\\]`, 'gi');
// [COMPANY_NAME]: upper case is a template's convention, so it counts whatever the word.
const LATIN_BRACKET_UPPER = /\[[A-Z][A-Z_]{2,30}\]/g;

interface Pattern {
  form: PlaceholderForm;
  regex: RegExp;
}

const PATTERNS: Pattern[] = [
  { form: 'underscore', regex: /[_＿]{3,}/g },
  // Not a site generator's own markup, filled in when the site is built: Hugo's {{< cards >}} and {{% note %}},
  // Liquid's {{ site.name }} and {{ page.title }}, Go templates' {{ .Site.Title }} and {{ end }}.
  { form: 'template', regex: /\{\{(?![<%])(?!\s*(?:(?:site|page|include|layout|config|params)\.|\.|(?:end|else|if|range|with|define|template|block|partial|param)\b))\s*[^{}\n]{1,40}?\s*\}\}/g },
  { form: 'bracket', regex: CJK_BRACKET },
  { form: 'bracket', regex: CJK_ANGLE },
  { form: 'bracket', regex: LATIN_BRACKET },
  { form: 'bracket', regex: LATIN_BRACKET_UPPER },
  // XX, ××, ○○ stand for a value or a name; a Roman numeral XX sits inside letters.
  { form: 'letters', regex: /(?<![A-Za-z0-9])(?:X{2,}|x{2,}|Ｘ{2,}|×{2,}|○{2,})(?![A-Za-z])/g },
  // Four or more X's are no Roman numeral, even glued to a name: openEulerXXXXXX.
  { form: 'letters', regex: /(?<=[A-Za-z])X{4,}(?![A-Za-z])/g },
  // A lone X where a number belongs: 在X小时内 (but not 7×24).
  { form: 'letters', regex: /(?<=[\u4e00-\u9fff\s])[XＸ](?=\s*个?(?:工作日|小时|分钟|秒|天|日|周|个月|年|%|％))/g },
  // https://github.com/your-org/…, your_company: a template's stand-in name, left in a link or an address.
  // support@yourcompany.com, help.yourdomain.com: the same stand-in glued into an address.
  { form: 'template', regex: /(?<![\w-])your[-_]?(?:org|organi[sz]ation|company|team|user(?:name)?|repo(?:sitory)?|project|domain)(?![\w-])/gi },
  // https://github.com/[owner]/[repo]/issues: a template's stand-ins in a link's path.
  { form: 'template', regex: /(?<=\/)\[(?:owner|org|organi[sz]ation|user(?:name)?|repo(?:sitory)?|project)\](?=\/|\)|\s|$)/gi },
  { form: 'stars', regex: /\*{3,}/g },
  // 与**房地产开发公司座谈: two stars left in the prose (Markdown's emphasis is gone by now) stand for a name.
  { form: 'stars', regex: /(?<=[\u4e00-\u9fff])(?:\*\*|＊＊)(?=[\u4e00-\u9fff])/g },
  { form: 'blank-parens', regex: /（[\s\u3000]*）|\([\s\u3000]+\)/g },
  // "TO BE COMPLETED (e.g. …)": a section left to write, in a template's capitals; "to be completed within 5 days" is prose.
  { form: 'todo', regex: /(?<![A-Za-z])(?:TBD|TBC|TODO|TBA|FIXME|TO BE (?:COMPLETED|CONFIRMED|DETERMINED|DECIDED|ADDED|AGREED|DEFINED|WRITTEN|UPDATED)(?! BY\b))(?![A-Za-z])|待定|待补充|待填写|待完善/g },
];

// A unit from the table of units right after the blank: 在____小时内, __ business days.
const VALUE_AFTER = new RegExp(`^[\\s\\u3000]*(?:个)?(?:${ZH_UNIT_SOURCE}|％|\\s*(?:${EN_UNIT_SOURCE})(?![A-Za-z]))`, 'i');
const VALUE_BEFORE = /(?:在|于|不超过|不低于|不少于|至少|达到|within|in|than|least)[\s\u3000]*$/i;
// ____年____月____日 and the last blank of a date; ____日内 is a number of days and 需提供X年的 a number of years.
const DATE_AFTER = /^[\s\u3000]*(?:年[\s\u3000]*(?:[_＿Xx×○\d]{1,8}|[\s\u3000]+)[\s\u3000]*月|月(?![\s\u3000]*(?:内|以内|之内))|日(?![\s\u3000]*(?:内|以内|之内|起|后)))/;
// The label must sit right before the blank (承诺人签名：____, 法定代表人（签字）：____, Date: ____);
// 负责人联系电话：*** is a missing phone number, not a signature.
const SIGNATURE_BEFORE =
  /(?:签名|签字|签章|盖章|签署|签订日期|签署日期|日期|承诺人|负责人|法定代表人|代表人|signature|signed|sign\s+here|date|name|title|by)[\s\u3000]*(?:（[^）\n]{1,6}）|\([^)\n]{1,6}\))?[\s\u3000]*[:：]?[\s\u3000]*$/i;
/** An effective date is decided before publishing, not written in by hand. */
const NOT_SIGNATURE_BEFORE = /(?:生效|施行|发布|effective|publication|release)[\s\u3000]*(?:日期|date)[\s\u3000]*[:：]?[\s\u3000]*$/i;

/** Scans prose for placeholders; `extra` are the config's own patterns (on RE2: linear time). */
export function findPlaceholders(text: string, extra: readonly UserPattern[] = []): Placeholder[] {
  const blanks = mayContainPlaceholder(text);
  const fields = EMPTY_FIELD_HINT.test(text);
  if (!blanks && !fields && extra.length === 0) return [];
  const found: Placeholder[] = [];
  const scan = (regex: RegExp, form: PlaceholderForm) => {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      if (m[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      found.push({ start: m.index, end: m.index + m[0].length, text: m[0], form, context: 'text' });
    }
  };
  if (blanks) for (const p of PATTERNS) scan(p.regex, p.form);
  for (const r of extra) for (const m of r.matches(text)) found.push({ ...m, text: text.slice(m.start, m.end), form: 'custom', context: 'text' });
  if (fields) scanEmptyFields(text, found);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Placeholder[] = [];
  for (const p of found) {
    const last = merged[merged.length - 1];
    if (last && p.start < last.end) continue; // 【待补充】 is one blank, not two
    // 400-xxx-xxxx is one blank, however many groups of x it has.
    if (last && p.form === last.form && p.form !== 'field' && p.start - last.end <= 4 && /^[- .()\d]*$/.test(text.slice(last.end, p.start))) {
      last.end = p.end;
      last.text = text.slice(last.start, last.end);
      continue;
    }
    // 例如 name@example.com, "e.g. [your-org]": an example in instructions, not a blank in the document.
    if (EXAMPLE_BEFORE.test(text.slice(Math.max(0, p.start - 16), p.start))) continue;
    if (isTaskCheckbox(text, p) || isAbbreviation(text, p) || isUnparsedEmphasis(text, p)) continue;
    if (p.form !== 'field') p.context = classify(text, p);
    merged.push(p);
  }
  return merged;
}

/** "- [x] 自动安全扫描": a ticked box of a Markdown task list, not a blank; "[X] business days" still is one. */
function isTaskCheckbox(text: string, p: Placeholder): boolean {
  if (p.form !== 'bracket' || !/^\[[xX]\]$/.test(p.text)) return false;
  const lineStart = text.lastIndexOf('\n', p.start - 1) + 1;
  return TASK_MARKER_BEFORE.test(text.slice(lineStart, p.start)) && !VALUE_AFTER.test(text.slice(p.end, p.end + 24));
}

/** "*[GDS]: Government Digital Service": an abbreviation's definition (Markdown Extra, kramdown), not a blank. */
function isAbbreviation(text: string, p: Placeholder): boolean {
  return p.form === 'bracket' && text[p.start - 1] === '*' && text[p.end] === ':' && (p.start === 1 || text[p.start - 2] === '\n');
}

/**
 * 腾讯云**发放代金券（非现金）**的形式: bold that Markdown could not close, because a closing bracket comes
 * right before the stars and a letter right after (CommonMark's flanking rule); the stars mark emphasis, not a name.
 */
function isUnparsedEmphasis(text: string, p: Placeholder): boolean {
  if (p.form !== 'stars' || p.text.length !== 2) return false;
  return UNCLOSED_AFTER.test(text.slice(p.end, p.end + 100)) || UNOPENED_BEFORE.test(text.slice(Math.max(0, p.start - 100), p.start));
}

const UNCLOSED_AFTER = /^[^*\n]{1,98}?[）」』”》】〕)](?:\*\*|＊＊)/;
const UNOPENED_BEFORE = /(?:\*\*|＊＊)[（「『“《【〔(][^*\n]{1,98}$/;

const TASK_MARKER_BEFORE = /^[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?$/;

const EXAMPLE_BEFORE = /(?:例如|比如|譬如|示例|如[:：]|\be\.g\.|\bfor\s+example\b|\bsuch\s+as\b|\bi\.e\.)[\s\u3000:：,，]*\S{0,8}$/i;
// A labelled field at the end of its line with nothing after it: 客服邮箱：, "Phone:".
const EMPTY_FIELD =
  /(?:^|\n)[ \t\u3000]*(?:[-*+][ \t]+)?((?:[\u4e00-\u9fff]{0,8}(?:邮箱|电话|热线|地址|网址|传真|联系人|手机|微信号|签名|签字|盖章|日期|承诺人|法定代表人|负责人)(?:[（(][^）)\n]{1,6}[）)])?|(?:customer\s+service\s+|support\s+|contact\s+)?(?:e-?mail(?:\s+address)?|phone(?:\s+number)?|telephone|fax|address|website|url|signature|signed|date))[ \t\u3000]*[:：])[ \t\u3000]*(?=\n|$)/gi;
const SIGNATURE_FIELD = /签名|签字|盖章|日期|承诺人|法定代表人|signature|signed|date/i;

function scanEmptyFields(text: string, out: Placeholder[]): void {
  EMPTY_FIELD.lastIndex = 0;
  for (let m = EMPTY_FIELD.exec(text); m; m = EMPTY_FIELD.exec(text)) {
    const label = m[1]!;
    const start = m.index + m[0].indexOf(label);
    // The value may follow on the next line of the same paragraph ("客服邮箱：\nservice@example.com").
    const next = text.slice(start + label.length).replace(/^[ \t\u3000]*\n/, '').split('\n')[0] ?? '';
    if (next.trim() && !/[:：]\s*$/.test(next) && !/^[^:：\s]{1,12}[:：]/.test(next.trim())) continue;
    out.push({ start, end: start + label.length, text: label, form: 'field', context: SIGNATURE_FIELD.test(label) ? 'signature' : 'text' });
  }
}

const QUICK_CHECK = /[_＿{【<＜〈\[Xx×Ｘ○*＊（(]|TBD|TBC|TODO|TBA|FIXME|TO BE|待|your[-_]?(?:org|comp|team|user|repo|proj|domain)/i;
const EMPTY_FIELD_HINT = /[:：][ \t\u3000]*(?:\n|$)/;

function mayContainPlaceholder(text: string): boolean {
  return QUICK_CHECK.test(text);
}

function classify(text: string, p: Placeholder): PlaceholderContext {
  const lineStart = text.lastIndexOf('\n', p.start - 1) + 1;
  const before = text.slice(Math.max(lineStart, p.start - 24), p.start);
  const after = text.slice(p.end, p.end + 24);
  if (NOT_SIGNATURE_BEFORE.test(before)) return 'text';
  if (DATE_AFTER.test(after) || SIGNATURE_BEFORE.test(before)) return 'signature';
  if (p.form === 'blank-parens') return 'text'; // （  ） is a box to tick, not a number
  if (VALUE_AFTER.test(after) || (VALUE_BEFORE.test(before) && /^[\s\u3000]*(?:以内|之内|内|以上)/.test(after))) return 'value';
  return 'text';
}

/** "请您尽可能填全以下邮件内容", "Please include the following in your email": what comes next is a form for the reader. */
const FORM_LEAD_IN =
  /(?:请|烦请|需要|须)[^。；\n]{0,16}(?:填写|填全|填好|提供|注明|写明|包含|附上|列明)[^。；\n]{0,8}(?:以下|如下|下列)|\b(?:please\s+)?(?:include|provide|fill\s+in|complete|state)\s+the\s+following\b/i;
/** A line that is only a short label and its colon, or a label and what the reader writes after it. */
const FORM_LINE = /^[ \t\u3000]*(?:[-*+][ \t]+)?[^:：\n]{1,16}[:：][^\n]{0,40}$/;

/**
 * The source ranges of forms the reader fills in: the empty fields after a lead-in that asks for them
 * ("为使您能更快捷的获取到解决方案，请您尽可能填全以下邮件内容" then 订单号：, 联系人：, 联系电话：). Their
 * labels are the reader's to fill, not blanks the author left.
 */
export function readerForms(prose: readonly ProseBlock[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < prose.length; i++) {
    if (!FORM_LEAD_IN.test(prose[i]!.text)) continue;
    let last = i;
    while (last + 1 < prose.length && prose[last + 1]!.text.split('\n').every((line) => FORM_LINE.test(line))) last++;
    if (last === i) continue;
    const end = prose[last]!;
    out.push([prose[i]!.toSource(0), end.toSource(Math.max(0, end.text.length - 1)) + 1]);
    i = last;
  }
  return out;
}
