// Document kind and language. Kind comes from front matter, else the title,
// else the config's default; a document whose kind can't be told (a statute,
// a terms of service) gets no required-section checks at all.

import type { DocumentKind, Language } from '../engine/types';

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['handbook', 'commitment-letter', 'website-policy', 'sla'];

/** Checked in order: 服务承诺书 must not be read as a handbook because it says 服务. */
const TITLE_PATTERNS: [DocumentKind, RegExp][] = [
  ['commitment-letter', /承诺书|承诺函|保证书|服务承诺|质量承诺|\bcommitment\s+letter\b|\bservice\s+(?:commitment|pledge|guarantee)s?\b|\bcustomer\s+(?:commitment|pledge|charter)\b/i],
  ['sla', /服务水平协议|服务等级协议|服务级别协议|\bSLA\b|\bservice[-\s]+level\s+(?:agreement|objectives?|commitments?)\b/i],
  ['handbook', /服务手册|客服手册|员工手册|工作手册|服务指南|服务标准|客服标准|服务指引|\b(?:customer\s+)?(?:service|support)\s+(?:handbook|manual|guide|standards?)\b|\bhandbook\b/i],
  [
    'website-policy',
    /客户服务制度|客服制度|服务管理制度|服务制度|服务规范|服务政策|售后服务|客户服务(?:管理)?(?:办法|规定|细则|规程)|投诉(?:处理|管理|受理)(?:办法|制度|规定|细则|流程|规程|规范|政策)|\b(?:customer\s+)?(?:service|support|complaints?)\s+polic(?:y|ies)\b|\bcustomer\s+care\s+policy\b|\bcomplaints?\s+(?:handling\s+)?(?:procedure|process)\b/i,
  ],
];

export function kindFromTitle(title: string | undefined): DocumentKind | undefined {
  if (!title) return undefined;
  for (const [kind, pattern] of TITLE_PATTERNS) if (pattern.test(title)) return kind;
  return undefined;
}

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

export function parseKind(value: unknown): DocumentKind | undefined {
  return typeof value === 'string' ? KIND_ALIASES[value.trim().toLowerCase()] : undefined;
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
