// The required-section catalogue (domain guide, "Required sections"): topic ids
// are a public contract, used in configs and in findings.

import type { DocumentKind, Language } from '../engine/types';

export interface TopicSkeleton {
  title: string;
  body: string;
}

export interface TopicDefinition {
  id: string;
  /** Words that name the topic, in a heading or anywhere in the text (zh matched anywhere, en as whole words). */
  zh: string[];
  en: string[];
  /** Other evidence in the body: an email address covers `channels` (regex sources, case-insensitive). */
  body?: string[];
  /** The document's own commitments of these metrics cover the topic (a response time covers response-times). */
  metrics?: string[];
  /** Only commitments on this channel count (complaint deadlines). */
  channel?: string;
  /** A commitment on one of these channels covers the topic: "we acknowledge emails within 48 hours" says how to reach us. */
  promisedOn?: string[];
  /** Required only when the document promises one of these metrics (an SLA's service hours, when people answer). */
  onlyWhenPromised?: string[];
  /** Required only when the document promises something on this channel (escalation, when it handles complaints). */
  onlyWhenChannel?: string;
  requiredIn: DocumentKind[];
  /** Human names for messages. */
  label: { zh: string; en: string };
  /** What the quick fix inserts; the body holds a placeholder the writer must fill. */
  skeleton: Record<Language, TopicSkeleton>;
}

const HUMAN_SERVICE = ['answer', 'acknowledge', 'first-response', 'reply', 'investigate', 'resolve', 'follow-up', 'arrival'];
// An update cadence is no response time: "we update you every hour" says nothing of how fast we first answer.
const RESPONSE_METRICS = ['answer', 'acknowledge', 'first-response', 'reply', 'investigate', 'resolve', 'arrival'];

export const TOPICS: TopicDefinition[] = [
  {
    id: 'privacy',
    zh: ['客户信息', '个人信息', '隐私', '信息安全', '保密', '数据安全', '用户信息', '客户资料'],
    en: ['privacy', 'personal data', 'personal information', 'data protection', 'confidentiality', 'confidential', 'confidentially', 'in confidence', 'GDPR'],
    requiredIn: ['handbook', 'commitment-letter', 'website-policy'],
    label: { zh: '客户信息与隐私保护', en: 'privacy and personal data' },
    skeleton: {
      zh: { title: '客户信息保护', body: '【待补充：收集的客户信息及用途、保存期限、查阅更正删除的渠道】' },
      en: { title: 'Privacy and Personal Data', body: 'TODO: what personal data is collected, why, how long it is kept, and how customers exercise their rights.' },
    },
  },
  {
    id: 'monitoring',
    zh: ['服务监督', '监督机制', '监督电话', '质量监控', '质检', '考核', '评估', '满意度调查', '满意度', '回访', '服务质量'],
    en: ['monitoring', 'monitor', 'quality assurance', 'oversight', 'kpis', 'kpi', 'customer satisfaction', 'csat', 'feedback', 'review our performance', 'performance reports?'],
    requiredIn: ['handbook', 'commitment-letter'],
    label: { zh: '服务监督与质量评估', en: 'monitoring and quality assurance' },
    skeleton: {
      zh: { title: '服务监督与考核', body: '【待补充：质检方式、考核指标、满意度调查周期】' },
      en: { title: 'Monitoring and Quality Assurance', body: 'TODO: how service quality is measured, the KPIs, and how often they are reviewed.' },
    },
  },
  {
    id: 'complaint-deadlines',
    zh: ['投诉处理', '投诉受理', '投诉时限', '处理时限', '解决时限', '投诉'],
    en: ['complaints', 'complaint handling', 'complaint', 'resolution times'],
    metrics: ['acknowledge', 'first-response', 'reply', 'investigate', 'resolve'],
    channel: 'complaint',
    requiredIn: ['handbook', 'commitment-letter', 'website-policy'],
    label: { zh: '投诉处理时限', en: 'complaint-handling deadlines' },
    skeleton: {
      zh: { title: '投诉处理时限', body: '投诉受理后____个工作日内答复，____个工作日内办结。' },
      en: { title: 'Complaint Handling', body: 'Complaints are acknowledged within ____ business days and resolved within ____ business days.' },
    },
  },
  {
    id: 'channels',
    zh: ['服务渠道', '沟通渠道', '联系方式', '服务热线', '客服热线', '联系我们', '邮箱', '电子邮件', '热线', '电话', '在线客服', '上报方式', '工单'],
    en: ['contact', 'contacting', 'channels', 'how to reach us', 'email', 'e-mail', 'phone', 'telephone', 'hotline', 'live chat', 'help ?desk', 'service desk', 'support portal', 'support ticket', 'open a ticket', 'raise a ticket', 'submit a request', 'get support', 'slack', 'report (?:a|the) (?:bug|issue|vulnerability)', 'open an issue', 'github issues?', 'submit(?:ting)? (?:a |an )?(?:new )?(?:issue|bug|request|ticket|report)s?'],
    body: ['[\\w.+-]+@[\\w-]+\\.[\\w.-]+', '(?:\\+?\\d[\\d\\s-]{6,}\\d)', 'https?://\\S*(?:support|help|contact|issues|service)'],
    promisedOn: ['phone', 'email', 'chat', 'social', 'forum', 'ticket', 'sms', 'letter'],
    requiredIn: ['handbook', 'website-policy'],
    label: { zh: '服务渠道', en: 'contact channels' },
    skeleton: {
      zh: { title: '服务渠道', body: '【待补充：服务热线、电子邮箱、在线客服等渠道及其联系方式】' },
      en: { title: 'Contact Channels', body: 'TODO: phone, email, chat and other channels, with their addresses.' },
    },
  },
  {
    id: 'service-hours',
    // "在您当地时区的周一至周五为优先支持请求提供…服务": the days service is given say when it is, hours or not.
    zh: ['服务时间', '工作时间', '营业时间', '受理时间', '值班时间', '在线时间', '周一至周五', '周一到周五', '星期一至星期五', '星期一到星期五', '周一至周六', '周一至周日'],
    en: ['hours of operation', 'support hours', 'hours of support', 'service hours', 'hours of service', 'business hours', 'working hours', 'office hours', 'support coverage', 'coverage', 'on call', 'on-call', 'mondays?\\s*(?:to|through|thru|-|–)\\s*(?:fridays?|saturdays?|sundays?)'],
    metrics: ['service-hours'],
    onlyWhenPromised: HUMAN_SERVICE,
    requiredIn: ['handbook', 'website-policy', 'sla'],
    label: { zh: '服务时间', en: 'service hours' },
    skeleton: {
      zh: { title: '服务时间', body: '【待补充：各渠道的服务时间，如周一至周五 9:00-18:00】' },
      en: { title: 'Support Hours', body: 'TODO: the hours each channel is staffed, e.g. Monday to Friday, 9:00-18:00.' },
    },
  },
  {
    id: 'response-times',
    zh: ['响应时效', '服务时限', '响应速度', '服务标准', '响应时间', '处理时限', '办结时限', '答复时限'],
    en: ['response times', 'response time', 'service levels', 'service level', 'response targets', 'resolution times?', 'time to respond'],
    metrics: RESPONSE_METRICS,
    requiredIn: ['handbook', 'website-policy', 'sla'],
    label: { zh: '响应时效', en: 'response times' },
    skeleton: {
      zh: { title: '响应时效', body: '【待补充：各渠道的接通、回复时限】' },
      en: { title: 'Response Times', body: 'TODO: answer and reply targets for each channel.' },
    },
  },
  {
    id: 'escalation',
    zh: ['升级', '重大投诉', '应急', '上报'],
    en: ['escalation', 'escalate', 'escalated'],
    metrics: ['escalation'],
    onlyWhenChannel: 'complaint',
    requiredIn: ['commitment-letter'],
    label: { zh: '升级与应急处理', en: 'escalation' },
    skeleton: {
      zh: { title: '投诉升级', body: '【待补充：升级条件、升级路径和重大投诉的处理时限】' },
      en: { title: 'Escalation', body: 'TODO: when a case is escalated, to whom, and the deadlines for major incidents.' },
    },
  },
  {
    id: 'signature',
    zh: ['承诺人', '签名', '签字', '盖章', '日期'],
    en: ['signature', 'signed', 'date'],
    requiredIn: ['commitment-letter'],
    label: { zh: '签署', en: 'signature' },
    skeleton: {
      zh: { title: '签署', body: '承诺人（盖章）：____\n\n签订日期：____' },
      en: { title: 'Signature', body: 'Signed: ____\n\nDate: ____' },
    },
  },
  {
    id: 'effective-date',
    zh: ['附则', '生效', '施行', '修订记录', '修订历史', '更新日期', '发布日期', '最后更新'],
    en: ['effective date', 'effective from', 'effective as of', 'revision history', 'last updated', 'last revised', 'last modified', 'last reviewed'],
    // A date the text takes effect or was last changed: "Last revised: March 15, 2023", "Updated: 2 May 2024", 自2026年1月1日起施行.
    body: [
      '(?:effective|updated|revised|modified|reviewed|published)(?:\\s+(?:on|date|from|as\\s+of))?\\s*[:：]?\\s*(?:\\d{1,4}[-/.年]|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d|\\d{1,2}\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))',
      '\\d{4}\\s*年\\s*\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*日)?\\s*(?:起)?\\s*(?:施行|生效|实施|执行)',
    ],
    requiredIn: ['website-policy'],
    label: { zh: '生效与修订', en: 'effective date and revisions' },
    skeleton: {
      zh: { title: '附则', body: '本制度自____年__月__日起施行。' },
      en: { title: 'Effective Date', body: 'This policy takes effect on ____.' },
    },
  },
];
