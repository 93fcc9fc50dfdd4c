// The server's own words (code action titles, hover labels, code lens titles),
// in both languages the tool speaks. Rule messages live with their rules; these
// are only what the editor features add around them.

import { formatMessage } from '../l10n/format';
import type { Locale, LocalizedText } from '../engine/types';

const MESSAGES = {
  disableLine: { en: 'Disable {rule} for this line', 'zh-CN': '在此行停用 {rule} 规则' },
  fixAll: { en: 'Fix all auto-fixable policylint problems in this file', 'zh-CN': '修复本文件中所有可自动修复的 policylint 问题' },
  fixAllSource: { en: 'policylint: fix all auto-fixable problems', 'zh-CN': 'policylint：修复所有可自动修复的问题' },
  selectAfter: { en: 'Select the edited text', 'zh-CN': '选中修改处' },
  lensCommitment: { en: '{n} commitment', 'zh-CN': '{n} 项承诺' },
  lensCommitments: { en: '{n} commitments', 'zh-CN': '{n} 项承诺' },
  lensConflict: { en: '{n} conflict', 'zh-CN': '{n} 项冲突' },
  lensConflicts: { en: '{n} conflicts', 'zh-CN': '{n} 项冲突' },
  tooLarge: {
    en: 'policylint skipped this document: it is larger than the size limit ({limit} bytes; see maxFileSize in .policylintrc).',
    'zh-CN': 'policylint 未检查此文档：文件大小超过上限（{limit} 字节，见 .policylintrc 中的 maxFileSize）。',
  },
  placeholderTitle: { en: 'Unfilled placeholder', 'zh-CN': '未填写的占位符' },
  placeholderBelongs: { en: 'What belongs here', 'zh-CN': '此处应填写' },
  placeholderValue: { en: 'a number with its unit: this blank is the value of a commitment', 'zh-CN': '带单位的数值：此空白是一项承诺的时限或指标' },
  placeholderSignature: { en: 'a handwritten signature or date, filled in when the document is signed', 'zh-CN': '签署时手写的签名或日期' },
  placeholderText: { en: 'the text the template asks for', 'zh-CN': '模板要求填写的内容' },
  placeholderLabel: { en: 'Label before the blank', 'zh-CN': '空白前的标签' },
  placeholderConfigured: { en: 'Configured value', 'zh-CN': '配置中的取值' },
  placeholderCanonical: { en: 'Canonical value for {key}', 'zh-CN': '{key} 的规范取值' },
  slaTitle: { en: 'SLA commitment', 'zh-CN': 'SLA 承诺' },
  channel: { en: 'Channel', 'zh-CN': '渠道' },
  metric: { en: 'Metric', 'zh-CN': '指标' },
  scope: { en: 'Scope', 'zh-CN': '范围' },
  kindTitle: { en: 'Document kind', 'zh-CN': '文档类型' },
  kindNone: { en: 'not read as a service policy', 'zh-CN': '未识别为服务类文档' },
  kindWhy: { en: 'Why', 'zh-CN': '依据' },
  kindOverride: { en: 'Set `kind:` in front matter or the config to override it (`kind: none` opts out).', 'zh-CN': '可在 front matter 或配置中设置 `kind:` 覆盖（`kind: none` 表示不检查）。' },
  value: { en: 'Value', 'zh-CN': '取值' },
  normalized: { en: 'Normalised', 'zh-CN': '换算' },
  strength: { en: 'Strength', 'zh-CN': '约束力' },
  status: { en: 'Status', 'zh-CN': '状态' },
  samePromise: { en: 'Other statements of the same promise', 'zh-CN': '同一承诺的其他表述' },
  noOtherStatement: { en: 'No other statement of this promise in the workspace.', 'zh-CN': '工作区中没有该承诺的其他表述。' },
  completionPlaceholder: { en: 'policylint: value for this blank', 'zh-CN': 'policylint：此空白的取值' },
  completionSection: { en: 'policylint: missing required section', 'zh-CN': 'policylint：缺少的必备章节' },
} satisfies Record<string, LocalizedText>;

export type MessageId = keyof typeof MESSAGES;

export function t(locale: Locale, id: MessageId, data?: Record<string, string | number>): string {
  return formatMessage(MESSAGES[id], locale, data);
}
