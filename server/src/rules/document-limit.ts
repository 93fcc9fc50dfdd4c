import { defineRule } from './contract';
import { LIMIT_OF } from '../engine/parse-limits';
import type { RuleExamples } from '../engine/types';

// 33 block quotes opened on one line: one more than the engine parses.
const DEEP = `${'>'.repeat(33)} `;

const EXAMPLES: RuleExamples<'nesting' | 'inline' | 'front-matter'> = {
  bad: {
    'zh-CN': { text: ['# 客户服务手册', '', `${DEEP}热线电话须在20秒内接通。`].join('\n'), finding: { line: 3, messageId: 'nesting' } },
    en: { text: ['# Support policy', '', `${DEEP}Phone calls are answered within 20 seconds.`].join('\n'), finding: { line: 3, messageId: 'nesting' } },
  },
  good: {
    'zh-CN': { text: ['# 客户服务手册', '', '> 热线电话须在20秒内接通。'].join('\n') },
    en: { text: ['# Support policy', '', '> Phone calls are answered within 20 seconds.'].join('\n') },
  },
};

export default defineRule({
  id: 'document-limit',
  meta: {
    summary: { en: 'Part of the document is beyond what policylint parses', 'zh-CN': '文档部分内容超出解析上限' },
    finds: 'a block nested over 32 deep on one line, over 100 emphasis or link markers in one block, or front matter over 1,000 lines: read as plain text (or ignored) so that one document cannot stall a run or the editor',
    description: {
      en: 'Some shapes make Markdown and YAML parsing take minutes: containers nested dozens deep on one line, thousands of unmatched `*`, `_` or `[` in one block, front matter of thousands of lines. Such a block is read as plain text (its words are still checked) and such front matter is ignored, so that one document cannot stall a run or the editor.',
      'zh-CN': '某些写法会让 Markdown 与 YAML 解析耗时数分钟：一行内嵌套数十层的引用或列表、一个段落中数千个未配对的 `*`、`_` 或 `[`、数千行的头信息。此类段落按纯文本读取（其文字仍会检查），此类头信息被忽略，以免一个文档拖住整次检查或编辑器。',
    },
    severity: 'warning',
    fixable: false,
    examples: EXAMPLES,
    messages: {
      nesting: {
        en: 'This block nests {count} quotes or lists on one line; policylint parses at most {limit}. It is read as plain text, without its Markdown structure. Reduce the nesting.',
        'zh-CN': '此段在一行内嵌套了 {count} 层引用或列表，policylint 最多解析 {limit} 层，此段按纯文本读取，不识别其 Markdown 结构。请减少嵌套。',
      },
      inline: {
        en: 'This block has {count} emphasis or link markers (*, _, [); policylint parses at most {limit} in one block. It is read as plain text, without its Markdown markup. Split it with blank lines or escape the markers.',
        'zh-CN': '此段含有 {count} 个强调或链接标记（*、_、[），policylint 在一个段落中最多解析 {limit} 个，此段按纯文本读取，不识别其 Markdown 标记。请用空行分段或转义这些标记。',
      },
      'front-matter': {
        en: 'The front matter has {count} lines; policylint reads at most {limit}. Its settings (kind, organization…) are ignored. Keep the front matter short and move the data to another file.',
        'zh-CN': '文档头信息有 {count} 行，policylint 最多读取 {limit} 行，其中的设置（kind、organization 等）被忽略。请精简头信息，把数据移到其他文件。',
      },
    },
  },
  check(context) {
    for (const limit of context.doc.limits) {
      // The finding sits on the block's first line: a whole 5 MB block is no useful range.
      const end = Math.min(limit.span.end, context.doc.lines.lineEnd(context.doc.lines.lineOf(limit.span.start)));
      context.report({ start: limit.span.start, end, messageId: limit.reason, data: { count: limit.count, limit: LIMIT_OF[limit.reason] } });
    }
  },
});
