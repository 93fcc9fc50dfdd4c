// What the CLI reads back from disk and did not compute in this run (the
// --cache file, the shard results `policylint merge` combines) is checked
// against the shape this code writes, field by field, before anything uses
// it. A value of the wrong type would otherwise surface later as a TypeError
// far from its cause, or decide what is reported.

import { ownValue } from '../config/own';

/**
 * Says what is wrong with `value` (with the path to it), or undefined when it fits. `test`, when
 * present, answers the same question as yes or no without building any path: a fully cached
 * run checks every entry of the cache, so the check runs once over thousands of values in code
 * that is never optimised. The explanation is asked for only when the test says no.
 */
export type Shape = ((value: unknown, at: string) => string | undefined) & { test?: (value: unknown) => boolean };

function shape(test: (v: unknown) => boolean, explain: (v: unknown, at: string) => string | undefined): Shape {
  const checked: Shape = (v, at) => (test(v) ? undefined : explain(v, at));
  checked.test = test;
  return checked;
}

const testOf = (s: Shape): ((v: unknown) => boolean) => s.test ?? ((v) => s(v, '') === undefined);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown) => typeof v === 'string';
const isBoolean = (v: unknown) => typeof v === 'boolean';
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isPosition = (v: unknown) => Number.isInteger(v) && (v as number) >= 1;
const isOffset = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

export const str: Shape = shape(isString, (v, at) => `${at} is not a string`);
export const bool: Shape = shape(isBoolean, (v, at) => `${at} is not true or false`);
export const num: Shape = shape(isNumber, (v, at) => `${at} is not a number`);
/** Lines and columns: whole numbers from 1. */
export const position: Shape = shape(isPosition, (v, at) => `${at} is not a line or column number (a whole number from 1)`);
export const offset: Shape = shape(isOffset, (v, at) => `${at} is not an offset (a whole number from 0)`);

export function oneOf(...values: readonly (string | null)[]): Shape {
  return shape(
    (v) => values.includes(v as string | null),
    (v, at) => `${at} is ${JSON.stringify(v) ?? 'missing'}, not one of ${values.map((x) => JSON.stringify(x)).join(', ')}`,
  );
}

export function optional(inner: Shape): Shape {
  const test = testOf(inner);
  return shape((v) => v === undefined || test(v), (v, at) => (v === undefined ? undefined : inner(v, at)));
}

// The tests below loop by index over plain arrays: destructuring pairs or for…of go through the
// iterator protocol, which in never-optimised code was most of the check's time (~15 ms a run).

/** Fits every one of the shapes (an object that carries the fields of both). */
export function allOf(...shapes: Shape[]): Shape {
  const tests = shapes.map(testOf);
  return shape(
    (v) => {
      for (let i = 0; i < tests.length; i++) if (!tests[i]!(v)) return false;
      return true;
    },
    (v, at) => {
      for (const s of shapes) {
        const problem = s(v, at);
        if (problem) return problem;
      }
      return undefined;
    },
  );
}

export function nullable(inner: Shape): Shape {
  const test = testOf(inner);
  return shape((v) => v === null || test(v), (v, at) => (v === null ? undefined : inner(v, at)));
}

export function arrayOf(item: Shape): Shape {
  const test = testOf(item);
  return shape(
    (v) => {
      if (!Array.isArray(v)) return false;
      for (let i = 0; i < v.length; i++) if (!test(v[i])) return false;
      return true;
    },
    (v, at) => {
      if (!Array.isArray(v)) return `${at} is not a list`;
      for (let i = 0; i < v.length; i++) {
        const problem = item(v[i], `${at}[${i}]`);
        if (problem) return problem;
      }
      return undefined;
    },
  );
}

/** An object with these fields (others are allowed, and ignored by the code that reads it). */
export function object(fields: Record<string, Shape>): Shape {
  const entries = Object.entries(fields);
  const names = entries.map(([name]) => name);
  const tests = entries.map(([, s]) => testOf(s));
  return shape(
    (v) => {
      if (!isObject(v)) return false;
      for (let i = 0; i < names.length; i++) if (!tests[i]!(ownValue(v, names[i]!))) return false;
      return true;
    },
    (v, at) => {
      if (!isObject(v)) return `${at} is not an object`;
      for (const [name, s] of entries) {
        const problem = s(ownValue(v, name), `${at}.${name}`);
        if (problem) return problem;
      }
      return undefined;
    },
  );
}

/** An object used as a map: own string keys (never `__proto__`), every value of one shape. */
export function recordOf(value: Shape): Shape {
  const test = testOf(value);
  return shape(
    (v) => {
      if (!isObject(v)) return false;
      const keys = Object.keys(v);
      for (let i = 0; i < keys.length; i++) if (keys[i] === '__proto__' || !test(v[keys[i]!])) return false;
      return true;
    },
    (v, at) => {
      if (!isObject(v)) return `${at} is not an object`;
      for (const key of Object.keys(v)) {
        if (key === '__proto__') return `${at} has the key "__proto__"`;
        const problem = value(v[key], `${at}.${key}`);
        if (problem) return problem;
      }
      return undefined;
    },
  );
}

const SEVERITY = oneOf('error', 'warning', 'info');
const KIND = oneOf('handbook', 'commitment-letter', 'website-policy', 'sla');
const LANGUAGE = oneOf('zh', 'en');
const LOCALE = oneOf('zh-CN', 'en');
const KIND_SOURCE = oneOf('front-matter', 'title', 'config', 'file-name', 'content', 'none');

const PLACE = { line: position, column: position, endLine: position, endColumn: position };
const SPAN = { start: offset, end: offset };

export const RELATED = object({ ...SPAN, ...PLACE, path: str, message: str });

/** A finding as the JSON output and the cache hold it (fixes dropped, placed). */
export const PLACED_FINDING = object({
  ...SPAN,
  ...PLACE,
  ruleId: str,
  severity: SEVERITY,
  messageId: str,
  message: str,
  related: arrayOf(RELATED),
  fixes: arrayOf(object({})),
  fixable: bool,
  data: optional(recordOf(shape((v) => typeof v === 'string' || typeof v === 'number', (v, at) => `${at} is neither text nor a number`))),
});

const SLOT = object({ days: optional(arrayOf(num)), from: optional(num), to: optional(num), hoursPerDay: optional(num), holidays: optional(bool) });

export const COMMITMENT = object({
  ...SPAN,
  ...PLACE,
  path: str,
  valueStart: offset,
  valueEnd: offset,
  valuePlace: object(PLACE),
  valueText: str,
  text: str,
  key: str,
  channel: optional(str),
  metric: optional(str),
  overdueMetric: optional(str),
  value: optional(object({ min: num, max: num })),
  unit: optional(str),
  clock: optional(str),
  comparator: str,
  conditions: arrayOf(str),
  strength: str,
  normalized: optional(num),
  placeholder: bool,
  schedule: optional(object({ twentyFourSeven: bool, slots: arrayOf(SLOT), holidays: optional(oneOf('open', 'closed')), canonical: str })),
  scope: recordOf(str),
  organization: str,
  language: LANGUAGE,
  documentKind: optional(str),
});

export const DISABLE = object({ rule: str, from: num, to: num });

export const MANUAL = object({
  manual: str,
  organization: str,
  kind: KIND,
  language: LANGUAGE,
  anchor: object({ ...SPAN, ...PLACE }),
  topics: arrayOf(object({ id: str, covered: bool, applies: bool, label: object({ zh: str, en: str }), title: str })),
});

const WORD_PLACES = object({ paragraphs: arrayOf(num), headingPaths: arrayOf(arrayOf(str)), sectionByLine: arrayOf(num) });

/** One file's analysis, as the cache stores it. */
export const FILE_ANALYSIS = object({
  path: str,
  kind: nullable(KIND),
  kindSource: KIND_SOURCE,
  kindReason: optional(str),
  language: LANGUAGE,
  locale: LOCALE,
  findings: arrayOf(PLACED_FINDING),
  commitments: arrayOf(COMMITMENT),
  disables: arrayOf(DISABLE),
  manual: optional(MANUAL),
  word: optional(WORD_PLACES),
  directives: optional(arrayOf(object({ rule: str, from: num, to: num, ...PLACE }))),
});

/** What a shard hands to merge for the cross-document checks. */
export const SHARD_WORKSPACE = object({ locale: LOCALE, commitments: arrayOf(COMMITMENT), disables: arrayOf(DISABLE), manual: optional(MANUAL), word: optional(WORD_PLACES) });
