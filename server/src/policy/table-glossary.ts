// The metrics a document's glossary tables define: "Turn Around Time | The amount of time between
// the issue being reported and the acknowledgment" makes a Turn Around Time an acknowledgement
// wherever a table names it. table-context.ts reads cells with them.

import type { ParsedMarkdown, ProseBlock } from '../engine/markdown';
import { byChunk, type ChunkMemo } from '../engine/chunk-shares';
import { vocabularyKey } from './sla/dimensions';
import { metricFromHeading } from './sla/vague';
import type { Metric } from './sla/types';

/** A glossary table: "Term | Definition", 术语 | 定义. */
const GLOSSARY_CORNER = /^(?:terms?|glossary|words?|名词|术语|名称|用语)$/i;
const GLOSSARY_HEADER = /^(?:definitions?|meanings?|descriptions?|explanations?|定义|含义|说明|释义|解释)$/i;

/**
 * The metrics a document's glossary tables define, by term: "Turn Around Time | The amount of time
 * between the issue being reported and the acknowledgment" makes Turn Around Time, and TAT, an
 * acknowledgement. Kept chunk by chunk, as the vocabulary is.
 */
export function glossaryMetrics(md: ParsedMarkdown): Map<string, Metric> {
  const out = new Map<string, Metric>();
  for (const { value } of byChunk(md, METRICS_BY_CHUNK, definedMetrics)) for (const [key, metric] of value) out.set(key, metric);
  return out;
}

const METRICS_BY_CHUNK: ChunkMemo<[string, Metric][]> = new WeakMap();

function definedMetrics(blocks: readonly ProseBlock[]): [string, Metric][] {
  const out: [string, Metric][] = [];
  for (const block of blocks) {
    const cell = block.cell;
    if (!cell || cell.isHeader || cell.column !== 1 || !GLOSSARY_CORNER.test(stripMarks(cell.corner)) || !GLOSSARY_HEADER.test(stripMarks(cell.header))) continue;
    const metric = metricFromHeading(block.text);
    if (metric) for (const key of termKeys(cell.rowLabel)) out.push([key, metric]);
  }
  return out;
}

function stripMarks(text: string): string {
  return text.replace(/[*_`\uFFFC]/g, '').trim();
}

/** The keys a term is found by: "Turn Around Time (TAT)" by its whole label, its name and its abbreviation. */
function termKeys(label: string): string[] {
  const keys = [vocabularyKey(label)];
  const trimmed = label.trim();
  const open = Math.max(trimmed.lastIndexOf('('), trimmed.lastIndexOf('（'));
  const abbreviation = open > 0 && /[)）]$/.test(trimmed) ? trimmed.slice(open + 1, -1).trim() : '';
  if (/^[A-Za-z]{2,6}$/.test(abbreviation)) keys.push(vocabularyKey(trimmed.slice(0, open)), vocabularyKey(abbreviation));
  return keys.filter((k) => k !== '');
}

export function definedMetricOf(label: string, glossary: ReadonlyMap<string, Metric>): Metric | undefined {
  if (!label) return undefined;
  for (const key of termKeys(label)) {
    const metric = glossary.get(key);
    if (metric) return metric;
  }
  return undefined;
}

