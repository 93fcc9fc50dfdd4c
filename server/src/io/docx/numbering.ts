// Word's automatic numbering, rendered as Word shows it. numbering.xml holds
// abstract lists (w:abstractNum: one w:lvl per level with its start, format,
// text such as "第%1章" or "%1.%2", restart rule) and list instances (w:num)
// that point at one and may override a level's start or definition. A
// paragraph names an instance and a level, directly or through its style.
//
// Counting follows Word: instances of the same abstract list continue one
// another; an instance with overrides counts on its own (that is how Word
// writes "restart numbering"); using a level resets the deeper levels unless
// their w:lvlRestart says otherwise.

import { formatCounter } from './number-formats';
import type { Styles } from './styles';
import { child, childVal, elements, intVal, isOn, type XmlElement } from './xml';

export interface LevelDef {
  start: number;
  format: string;
  text: string;
  /** w:lvlRestart: the 1-based level whose use restarts this one; 0 never. Undefined: any shallower level. */
  restart?: number;
  /** Show every counter in decimal (legal numbering: 1.1 under 第一章). */
  legal: boolean;
  suffix: 'tab' | 'space' | 'nothing';
  /** The paragraph style linked to this level. */
  style?: string;
}

interface AbstractList {
  levels: Map<number, LevelDef>;
  /** w:numStyleLink: the levels live in the list a numbering style points to. */
  numStyleLink?: string;
}

interface ListInstance {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: LevelDef }>;
}

/** What a numbered paragraph shows before its text. */
export interface RenderedNumber {
  /** The number as displayed ("第一章", "（二）", "1.1", "•"). */
  text: string;
  suffix: LevelDef['suffix'];
  format: string;
  ilvl: number;
  /** The list instance, so consecutive items of one list can be told apart from the next list. */
  numId: string;
}

const MAX_LEVEL = 8;

function readLevel(lvl: XmlElement): LevelDef {
  const suff = childVal(lvl, 'w:suff');
  const def: LevelDef = {
    start: intVal(lvl, 'w:start') ?? 0,
    format: childVal(lvl, 'w:numFmt') ?? 'decimal',
    text: childVal(lvl, 'w:lvlText') ?? '',
    legal: isOn(lvl, 'w:isLgl'),
    suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
  };
  const restart = intVal(lvl, 'w:lvlRestart');
  if (restart !== undefined) def.restart = restart;
  const style = childVal(lvl, 'w:pStyle');
  if (style) def.style = style;
  return def;
}

// Symbol and Wingdings bullets sit in the private use area; a reader sees a dot.
const bulletText = (text: string) => (/^[\uf000-\uf0ff]$/.test(text) || text === '' ? '•' : text);

export class Numbering {
  private readonly abstracts = new Map<string, AbstractList>();
  private readonly instances = new Map<string, ListInstance>();
  /** Counters per list: an abstract list's id, or `num:<id>` for an instance with overrides. */
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(
    root: XmlElement | undefined,
    private readonly styles: Styles,
  ) {
    for (const a of elements(root, 'w:abstractNum')) {
      const id = a.attrs['w:abstractNumId'];
      if (id === undefined) continue;
      const levels = new Map<number, LevelDef>();
      for (const lvl of elements(a, 'w:lvl')) {
        const ilvl = Number(lvl.attrs['w:ilvl'] ?? 0);
        if (ilvl >= 0 && ilvl <= MAX_LEVEL) levels.set(ilvl, readLevel(lvl));
      }
      const list: AbstractList = { levels };
      const link = childVal(a, 'w:numStyleLink');
      if (link) list.numStyleLink = link;
      this.abstracts.set(id, list);
    }
    for (const n of elements(root, 'w:num')) {
      const id = n.attrs['w:numId'];
      const abstractId = childVal(n, 'w:abstractNumId');
      if (id === undefined || abstractId === undefined) continue;
      const overrides = new Map<number, { start?: number; level?: LevelDef }>();
      for (const o of elements(n, 'w:lvlOverride')) {
        const ilvl = Number(o.attrs['w:ilvl'] ?? 0);
        const entry: { start?: number; level?: LevelDef } = {};
        const start = intVal(o, 'w:startOverride');
        if (start !== undefined) entry.start = start;
        const lvl = child(o, 'w:lvl');
        if (lvl) entry.level = readLevel(lvl);
        overrides.set(ilvl, entry);
      }
      this.instances.set(id, { abstractId, overrides });
    }
  }

  /** The abstract list an instance uses, following a numbering style's link (once). */
  private abstractOf(instance: ListInstance): AbstractList | undefined {
    const list = this.abstracts.get(instance.abstractId);
    if (!list?.numStyleLink) return list;
    const linked = this.styles.numbering(list.numStyleLink);
    const target = linked ? this.instances.get(linked.numId) : undefined;
    return target ? this.abstracts.get(target.abstractId) : undefined;
  }

  private levelDef(instance: ListInstance, ilvl: number): LevelDef | undefined {
    return instance.overrides.get(ilvl)?.level ?? this.abstractOf(instance)?.levels.get(ilvl);
  }

  /**
   * The number a paragraph shows, advancing the counters; undefined when it is not numbered.
   * `direct` is the paragraph's own w:numPr; its style's numbering applies otherwise.
   */
  next(direct: { numId?: string; ilvl?: number } | undefined, styleId: string | undefined): RenderedNumber | undefined {
    const fromStyle = this.styles.numbering(styleId);
    const numId = direct?.numId ?? fromStyle?.numId;
    if (numId === undefined || numId === '0') return undefined;
    const instance = this.instances.get(numId);
    if (!instance) return undefined;
    let ilvl = direct?.ilvl ?? (direct?.numId === undefined ? fromStyle?.ilvl : undefined);
    if (ilvl === undefined) {
      // A style linked to a level (w:pStyle in the level) numbers at that level.
      const levels = this.abstractOf(instance)?.levels;
      ilvl = [...(levels ?? new Map<number, LevelDef>())].find(([, def]) => def.style !== undefined && def.style === styleId)?.[0] ?? 0;
    }
    ilvl = Math.min(Math.max(ilvl, 0), MAX_LEVEL);
    const def = this.levelDef(instance, ilvl);
    if (!def) return undefined;

    const key = instance.overrides.size > 0 ? `num:${numId}` : `abstract:${instance.abstractId}`;
    let counts = this.counters.get(key);
    if (!counts) this.counters.set(key, (counts = []));
    const startOf = (level: number) => instance.overrides.get(level)?.start ?? this.levelDef(instance, level)?.start ?? 0;
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl]! + 1;
    for (let deeper = ilvl + 1; deeper <= MAX_LEVEL; deeper++) {
      const restart = this.levelDef(instance, deeper)?.restart ?? deeper;
      if (restart !== 0 && ilvl < restart) counts[deeper] = undefined;
    }

    if (def.format === 'bullet') return { text: bulletText(def.text), suffix: def.suffix, format: def.format, ilvl, numId };
    const text = def.text.replace(/%([1-9])/g, (_m, d: string) => {
      const level = Number(d) - 1;
      const value = counts![level] ?? startOf(level);
      const format = def.legal ? 'decimal' : (this.levelDef(instance, level)?.format ?? 'decimal');
      return formatCounter(value, format === 'bullet' ? 'decimal' : format);
    });
    return { text, suffix: def.suffix, format: def.format, ilvl, numId };
  }
}
