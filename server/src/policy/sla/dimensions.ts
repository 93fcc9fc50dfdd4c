// The scope of a promise: the dimensions that limit it, each with its own values.
// This table is the one place that knows them. The lexicon's condition words,
// the labels in messages and tables, and the order sla-order checks are all
// generated from it. A value a document names that no entry knows (a plan called
// "Care Max", a case "service is unavailable") still becomes a scope value:
// `dimension:slug` (see openValue).

export type DimensionId = 'priority' | 'case' | 'time' | 'season' | 'customer' | 'plan' | 'region' | 'product' | 'measure' | 'share' | 'section';

export interface DimensionValue {
  id: string;
  zh?: string[];
  /** Regex sources, matched as whole words, case-insensitively. */
  en?: string[];
  label: { en: string; zh: string };
  /** Order within the dimension: lower is more serious and must be served at least as fast. */
  rank?: number;
  /** The normal regime: a promise scoped to it is the unqualified promise unless the document states another regime. */
  normal?: true;
}

export interface Dimension {
  id: DimensionId;
  label: { en: string; zh: string };
  values: DimensionValue[];
  /** Whether its values key service-hour schedules (P1 out-of-hours cover is not the in-hours schedule). */
  splitsSchedules: boolean;
}

const value = (id: string, en: string, zh: string, words: { zh?: string[]; en?: string[] }, extra: Partial<DimensionValue> = {}): DimensionValue => ({
  id,
  label: { en, zh },
  ...words,
  ...extra,
});

export const DIMENSIONS: Dimension[] = [
  {
    id: 'priority',
    label: { en: 'priority', zh: '优先级' },
    splitsSchedules: true,
    values: [
      value('p0', 'P0', 'P0', { en: ['p0', 'priority\\s+0', 'sev(?:erity)?[-\\s]*0'] }, { rank: 0 }),
      value('urgent', 'urgent', '紧急', {
        zh: ['紧急', '加急', '特急', '一级', '严重级别A', '严重性A'],
        en: ['urgent', 'critical', 'p1', 'priority\\s+1', 'sev(?:erity)?[-\\s]*1', 'severity\\s+(?:level\\s+)?a', 'highest\\s+priority', 'top\\s+priority'],
      }, { rank: 1 }),
      // Emergency is urgent, unless the document has both (emergency repairs in 4 hours, urgent ones in 3 days):
      // policy/scope.ts folds it into urgent otherwise.
      value('emergency', 'emergency', '应急', { en: ['emergency', 'emergencies'] }, { rank: 1 }),
      // 12345 hotlines: 特急件 (urgent), 急件, 一般件.
      value('high', 'high priority', '高优先级', { zh: ['高优先级', '二级', '严重级别B', '严重性B', '急件'], en: ['high[-\\s]priority', 'p2', 'priority\\s+2', 'sev(?:erity)?[-\\s]*2', 'severity\\s+(?:level\\s+)?b'] }, { rank: 2 }),
      value('general', 'general', '一般', {
        zh: ['中优先级', '三级', '严重级别C', '严重性C', '一般', '普通', '常规', '一般件'],
        en: ['medium[-\\s]priority', 'normal[-\\s]priority', 'p3', 'priority\\s+3', 'sev(?:erity)?[-\\s]*3', 'severity\\s+(?:level\\s+)?c', 'general', 'normal', 'routine', 'ordinary'],
      }, { rank: 3 }),
      value('low', 'low priority', '低优先级', { zh: ['低优先级', '四级'], en: ['low[-\\s]priority', 'p4', 'priority\\s+4', 'sev(?:erity)?[-\\s]*4'] }, { rank: 4 }),
      value('major', 'major', '重大', { zh: ['重大', '重要投诉', '严重', '群体性', '重特大'], en: ['major', 'serious', 'severe'] }, { rank: 1 }),
      // "All other issues" after "urgent issues": the rest of the scale, not a case of its own.
      value('other', 'all other cases', '其他情形', { zh: ['其他问题', '其它问题', '其他情况'], en: ['all\\s+other', 'any\\s+other'] }),
      // "Fixes for lower priority outages" after "only for Priority 1 outages": the rest of the scale, not P1.
      value('non-urgent', 'non-urgent', '非紧急', { zh: ['非紧急', '较低优先级', '非1级', '非一级', '非P1', '非p1', '非严重', '非重大'], en: ['non-urgent', 'non-critical', 'non-emergency', 'lower[-\\s]priorit(?:y|ies)'] }, { rank: 3 }),
    ],
  },
  {
    id: 'case',
    label: { en: 'case', zh: '事项类别' },
    splitsSchedules: true,
    values: [
      value('maintenance', 'planned maintenance', '计划维护', {
        zh: ['计划维护', '停机维护', '系统维护', '计划停机', '维护窗口', '计划停电', '计划停水', '计划停气', '计划检修', '计划性停'],
        // "Maintenance personnel will arrive within 1 hour for maintenance": the people and the repair, not a planned window.
        en: ['(?:planned|scheduled)\\s+(?:maintenance|downtime)', '(?<!\\bfor\\s)maintenance(?:\\s+(?:windows?|periods?|work))?(?!\\s+(?:personnel|staff|teams?|engineers?|workers?|crews?|contractors?|officers?|requests?|jobs?|issues?|repairs?|calls?|reports?))', 'plan\\s+(?:any\\s+)?downtime'],
      }),
      value('complex', 'complex', '复杂问题', { zh: ['复杂', '疑难', '特殊情况', '需要调查'], en: ['complex', 'complicated'] }),
      value('simple', 'simple', '简单问题', { zh: ['简单'], en: ['simple'] }),
      // 7×24小时自助服务 beside 人工服务时间9:00-18:00: the machine and the people keep different hours.
      value('staffed', 'staffed service', '人工服务', { zh: ['人工服务', '人工坐席', '人工座席', '人工客服'], en: ['live\\s+(?:agents?|persons?|people)', 'human\\s+agents?', 'staffed'] }),
      value('self-service', 'self-service', '自助服务', { zh: ['自助服务', '自助语音', '语音自助', '自动语音', '自助查询'], en: ['self[-\\s]service', 'automated\\s+(?:phone\\s+|telephone\\s+)?(?:service|system|line)s?'] }),
      // "as many calls as possible within five rings" beside "all calls within 10 rings": a share's target, not the ceiling.
      value('most', 'most cases', '多数情形', {
        zh: ['绝大多数', '大多数', '绝大部分', '大部分'],
        en: ['as\\s+many\\s+(?:\\w+\\s+){0,3}?as\\s+possible', 'most\\s+(?:of\\s+(?:the|our)\\s+)?(?:calls|emails|enquiries|inquiries|requests|cases|complaints|letters|tickets)', '(?:the\\s+)?majority\\s+of'],
      }),
    ],
  },
  {
    id: 'time',
    label: { en: 'time', zh: '时段' },
    splitsSchedules: true,
    values: [
      value('workday', 'business hours', '工作时间', {
        zh: ['工作日', '工作时间', '工作时段', '工作期间', '营业时间内', '上班时间', '交易日'],
        en: ['business\\s+days?', 'business\\s+hours', 'working\\s+hours', 'working\\s+days?', 'weekdays?', 'office\\s+hours', 'in[-\\s]hours', '(?:standard|normal|regular)\\s+(?:(?:business|support|service|office)\\s+)?hours'],
      }, { normal: true }),
      value('non-workday', 'non-working days', '非工作日', { zh: ['非工作日', '休息日', '双休日', '非交易日'], en: ['non-business\\s+days?', 'non-working\\s+days?'] }),
      value('out-of-hours', 'out of hours', '非工作时间', {
        zh: ['非工作时间', '下班时间', '下班后'],
        en: ['outside\\s+(?:of\\s+)?(?:our\\s+|the\\s+)?(?:normal\\s+|regular\\s+|standard\\s+)?(?:(?:business|working|office|support|operating)\\s+)?hours(?:\\s+of\\s+(?:operation|support|service))?', 'after[-\\s]hours', 'out[-\\s]of[-\\s]hours', 'on[-\\s]call', 'extended\\s+(?:(?:business|support|service|opening)\\s+){0,2}hours'],
      }),
      value('weekend', 'weekends', '周末', { zh: ['周末'], en: ['weekends?'] }),
      value('holiday', 'holidays', '节假日', { zh: ['节假日', '法定节假日', '节日', '假日', '春节'], en: ['(?:public\\s+|bank\\s+)?holidays?'] }),
      value('night', 'nights', '夜间', { zh: ['夜间', '夜里', '晚间', '深夜', '凌晨'], en: ['nights?', 'night-?time', 'overnight'] }),
    ],
  },
  {
    // "In the winter months … within 24 hours"; "During the summer months … within 10 working days"; 夏季/冬季 office hours.
    id: 'season',
    label: { en: 'season', zh: '季节' },
    splitsSchedules: true,
    values: [
      value('winter', 'winter', '冬季', { zh: ['冬季', '冬天', '冬令', '采暖期', '供暖期'], en: ['winter(?:\\s+(?:months|period|season))?'] }),
      value('summer', 'summer', '夏季', { zh: ['夏季', '夏天', '夏令'], en: ['summer(?:\\s+(?:months|period|season))?'] }),
    ],
  },
  {
    id: 'customer',
    label: { en: 'customer', zh: '客户类别' },
    splitsSchedules: true,
    values: [value('vip', 'VIP', 'VIP', { zh: ['VIP', 'vip', '贵宾', '大客户', '重要客户', '会员'], en: ['vip', 'key\\s+accounts?'] })],
  },
  {
    id: 'plan',
    label: { en: 'plan', zh: '服务版本' },
    splitsSchedules: true,
    values: [
      value('basic', 'Basic', '基础版', { zh: ['基础版', '基础服务', '免费版'], en: ['basic\\s+(?:plan|tier|support|edition)', 'free\\s+(?:plan|tier)'] }),
      value('standard', 'Standard', '标准版', { zh: ['标准版', '标准服务'], en: ['standard\\s+(?:plan|tier|support|edition)'] }),
      value('professional', 'Professional', '专业版', { zh: ['专业版', '高级版'], en: ['pro(?:fessional)?\\s+(?:plan|tier|support|edition)'] }),
      value('business', 'Business', '商业版', { zh: ['商业版'], en: ['business\\s+(?:plan|tier|edition)'] }),
      value('enterprise', 'Enterprise', '企业版', { zh: ['企业版', '旗舰版', '企业级'], en: ['enterprise(?:\\s+(?:plan|tier|support|edition|customers?))?'] }),
      value('premium', 'Premium', '尊享版', { zh: ['尊享版'], en: ['premium(?:\\s+(?:plan|tier|support|edition|customers?))?', 'premier(?:\\s+support)?'] }),
      value('enhanced', 'Enhanced', '增强版', { zh: ['增强版'], en: ['enhanced(?:\\s+(?:plan|tier|support))?', 'extended\\s+sla'] }),
    ],
  },
  {
    // A utility's promises differ by area: 城市电网供电可靠率99.9%；农村电网99.8% are two promises.
    id: 'region',
    label: { en: 'region', zh: '地区' },
    splitsSchedules: true,
    values: [
      value('urban', 'urban areas', '城区', { zh: ['城区', '市区', '城市', '城镇', '主城区', '中心城区'], en: ['urban(?:\\s+areas?)?', 'city\\s+cent(?:re|er)', 'metropolitan\\s+areas?'] }),
      value('rural', 'rural areas', '农村', { zh: ['农村', '乡村', '乡镇', '郊区', '郊县'], en: ['rural(?:\\s+areas?)?', 'countryside'] }),
      // Airlines, couriers and carriers promise one time at home and another abroad.
      value('domestic', 'domestic', '国内', {
        zh: ['国内航班', '国内航线', '国内快递', '国内快件', '国内邮件', '国内包裹', '国内订单', '国内件', '国内长途', '国内旅客'],
        en: ['domestic(?=\\s+(?:flights?|routes?|travel|itinerar(?:y|ies)|shipments?|orders?|deliver(?:y|ies)|parcels?|mail|post|calls?|customers?|destinations?))'],
      }),
      value('international', 'international', '国际', {
        zh: ['国际航班', '国际航线', '国际快递', '国际快件', '国际邮件', '国际包裹', '国际订单', '国际件', '国际长途', '国际旅客'],
        en: ['international(?=\\s+(?:flights?|routes?|travel|itinerar(?:y|ies)|shipments?|orders?|deliver(?:y|ies)|parcels?|mail|post|calls?|customers?|destinations?))', 'overseas(?=\\s+(?:orders?|deliver(?:y|ies)|shipments?|customers?|destinations?))'],
      }),
      value('remote', 'remote areas', '边远地区', { zh: ['边远', '偏远', '山区', '海岛'], en: ['remote\\s+(?:areas?|locations?|regions?|sites?)', 'outlying\\s+(?:areas?|islands?)'] }),
    ],
  },
  { id: 'product', label: { en: 'product', zh: '产品' }, splitsSchedules: true, values: [] },
  // A rate of keeping another promise (a performance pledge's "Target 98%" beside "delivered within 2 working days"):
  // which promise it measures tells one such rate from the next.
  { id: 'measure', label: { en: 'measured promise', zh: '考核承诺' }, splitsSchedules: false, values: [] },
  // The share of contacts a time is promised for: "answer 80% of calls within 30 seconds and 95% within 2 minutes"
  // are two promises, not one stated twice.
  { id: 'share', label: { en: 'share of contacts', zh: '占比' }, splitsSchedules: false, values: [] },
  // Sibling sections that list the same promises ("### Technology Services", "### Network Operations", each with P1–P3):
  // each section's are its own (policy/parallel-sections.ts).
  { id: 'section', label: { en: 'section', zh: '章节' }, splitsSchedules: true, values: [] },
];

const BY_ID = new Map(DIMENSIONS.map((d) => [d.id, d]));
const VALUE_DIMENSION = new Map<string, { dimension: Dimension; value: DimensionValue }>();
for (const d of DIMENSIONS) for (const v of d.values) VALUE_DIMENSION.set(v.id, { dimension: d, value: v });

/** A scope: dimension → value id (a known value's id, or an open value's slug). */
export type Scope = Partial<Record<DimensionId, string>>;

/**
 * A condition as the extractor passes it around: a known value's id ("urgent",
 * "workday"), or an open value as "dimension:slug" ("plan:care-max").
 */
export type Condition = string;

export function openValue(dimension: DimensionId, text: string): Condition | undefined {
  const slug = slugOf(text);
  if (!slug) return undefined;
  // "Standard" in a plan column is the known Standard plan, whatever words surround it elsewhere.
  const known = BY_ID.get(dimension)?.values.find((v) => v.id === slug.replace(/-(?:plan|tier|support|edition|sla)$/, ''));
  return known ? known.id : `${dimension}:${slug}`;
}

// Words that say nothing about which case is meant: "For all issues that impact…".
const SLUG_STOP = new Set(['the', 'a', 'an', 'for', 'of', 'all', 'any', 'that', 'which', 'is', 'are', 'be', 'to', 'with', 'in', 'on', 'issue', 'issues', 'request', 'requests', 'ticket', 'tickets', 'case', 'cases', 'our', 'your', 'we', 'will', 'and', 'or', 'service', 'services']);

/** A stable id for an open value: lower case, markup and filler words gone. 对于…的问题 keeps its Han characters. */
export function slugOf(text: string): string {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[*_`~]/g, '')
    // "Platinum+" is a plan of its own, not "Platinum".
    .replace(/\+/g, ' plus ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  // "Stage A", "Plan A": a letter that ends a phrase names it; an article never ends one.
  const kept = words.filter((w, i) => !SLUG_STOP.has(w) || (i > 0 && i === words.length - 1 && w.length === 1));
  const slug = kept.join('-');
  // Two long labels often differ only at their end ("…除外(普通服務)", "…除外(本澳掛號郵件服務)"): keep both ends.
  if (slug.length <= SLUG_LENGTH) return slug;
  // Two long labels may differ anywhere ("…from business customers…", "…from residential customers…"): the slug keeps
  // its first words to be read, and a hash of all of them to tell the labels apart (conditionLabel drops the hash).
  let head = slug.slice(0, SLUG_HEAD);
  if (slug[head.length] !== '-' && head.includes('-')) head = head.slice(0, head.lastIndexOf('-'));
  return `${head}${HASH_MARK}${hashOf(slug)}`;
}

const SLUG_LENGTH = 48;
const SLUG_HEAD = 40;
const HASH_MARK = '~';

/** FNV-1a of a slug, in base 36: stable across runs and machines, so that documents compare. */
function hashOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * How the document's own scope words are keyed: "IT - Standard" in a table row and "### IT – Standard"
 * as a heading are one word, whatever dash or markup they are written with.
 */
export function vocabularyKey(label: string): string {
  return label.replace(/[*_`]/g, '').replace(/[-\u2010-\u2015]/g, ' - ').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function dimensionOf(condition: Condition): DimensionId {
  const known = VALUE_DIMENSION.get(condition);
  if (known) return known.dimension.id;
  const colon = condition.indexOf(':');
  return (colon > 0 ? condition.slice(0, colon) : 'case') as DimensionId;
}

export function dimension(id: DimensionId): Dimension {
  return BY_ID.get(id)!;
}

/** Dimensions whose values are ordered by seriousness (priority): the tiers of an SLA. */
export const RANKED_DIMENSIONS: readonly DimensionId[] = DIMENSIONS.filter((d) => d.values.some((v) => v.rank !== undefined)).map((d) => d.id);

export function rankOf(condition: Condition): number | undefined {
  return VALUE_DIMENSION.get(condition)?.value.rank;
}

export function isNormalRegime(condition: Condition): boolean {
  return VALUE_DIMENSION.get(condition)?.value.normal === true;
}

export function splitsSchedules(condition: Condition): boolean {
  return !isNormalRegime(condition) && dimension(dimensionOf(condition)).splitsSchedules;
}

/** "urgent", "Care Max": how a condition reads in a message. */
export function conditionLabel(condition: Condition, locale: 'zh-CN' | 'en'): string {
  const known = VALUE_DIMENSION.get(condition);
  if (known) return locale === 'zh-CN' ? known.value.label.zh : known.value.label.en;
  const colon = condition.indexOf(':');
  const words = colon > 0 ? condition.slice(colon + 1) : condition;
  const hash = words.indexOf(HASH_MARK);
  return hash >= 0 ? `${words.slice(0, hash).replace(/-/g, ' ')}…` : words.replace(/-/g, ' ');
}

export function dimensionLabel(id: DimensionId, locale: 'zh-CN' | 'en'): string {
  const d = BY_ID.get(id);
  return d ? (locale === 'zh-CN' ? d.label.zh : d.label.en) : id;
}

/** Conditions as a scope object; a dimension named twice keeps its first value. */
export function scopeOf(conditions: readonly Condition[]): Scope {
  const scope: Scope = {};
  for (const c of conditions) {
    const d = dimensionOf(c);
    if (scope[d] === undefined) scope[d] = c.startsWith(`${d}:`) ? c.slice(d.length + 1) : c;
  }
  return scope;
}

/** The lexicon's condition entries, generated from the table. */
export function conditionEntries(): { value: Condition; zh: string[]; en: string[] }[] {
  return DIMENSIONS.flatMap((d) => d.values.map((v) => ({ value: v.id, zh: v.zh ?? [], en: v.en ?? [] })));
}

export function knownCondition(id: string): boolean {
  return VALUE_DIMENSION.has(id);
}
