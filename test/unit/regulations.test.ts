// Regulation packs: every pack file is valid against its schema and listed, the
// config schema names exactly the shipped packs, an unknown id is a config error
// with its line and key, and promised durations compare with limits by clock.

import Ajv from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfigText } from '../../server/src/config/load';
import { compareWithLimit } from '../../server/src/policy/regulations/compare';
import { enabledRegulations, REGULATION_PACKS } from '../../server/src/policy/regulations/packs';
import type { Unit } from '../../server/src/policy/sla/types';

const ROOT = join(__dirname, '..', '..');
const PACK_DIR = join(ROOT, 'server/src/policy/regulations/packs');
const packFiles = readdirSync(PACK_DIR).filter((n) => n.endsWith('.json'));

describe('regulation packs', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/regulation-pack.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  it.each(packFiles)('%s is valid against schemas/regulation-pack.schema.json', (name) => {
    const pack = JSON.parse(readFileSync(join(PACK_DIR, name), 'utf8'));
    expect(validate(pack) ? [] : validate.errors).toEqual([]);
    expect(`${pack.id}.json`).toBe(name);
  });

  it('the registry and the config schema list exactly the pack files', () => {
    const ids = packFiles.map((n) => n.replace(/\.json$/, '')).sort();
    expect(REGULATION_PACKS.map((p) => p.id).sort()).toEqual(ids);
    const config = JSON.parse(readFileSync(join(ROOT, 'schemas/policylintrc.schema.json'), 'utf8'));
    expect([...config.properties.regulations.items.enum].sort()).toEqual(ids);
  });

  it('every limit cites an article and explains itself in both languages', () => {
    for (const pack of REGULATION_PACKS) {
      for (const limit of pack.limits) {
        expect(limit.article['zh-CN'] && limit.article.en, `${pack.id}/${limit.id}`).toBeTruthy();
        expect(limit.explanation['zh-CN'] && limit.explanation.en, `${pack.id}/${limit.id}`).toBeTruthy();
      }
    }
  });

  it('an unknown pack id in the config is an error naming its line and key', () => {
    const text = '{\n  "regulations": [\n    "eu-gdpr",\n    "cn-banking"\n  ]\n}\n';
    let error: unknown;
    try {
      parseConfigText('.policylintrc.json', text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ line: 4, key: 'regulations.1' });
    expect((error as Error).message).toContain('uk-fca-disp');
  });

  it('front matter overrides the config, and nothing is enabled unless named', () => {
    expect(enabledRegulations({}, {}).packs).toEqual([]);
    expect(enabledRegulations({}, { regulations: ['eu-gdpr'] }).packs.map((p) => p.id)).toEqual(['eu-gdpr']);
    expect(enabledRegulations({ regulations: 'uk-fca-disp' }, { regulations: ['eu-gdpr'] }).packs.map((p) => p.id)).toEqual(['uk-fca-disp']);
    expect(enabledRegulations({ regulations: [] }, { regulations: ['eu-gdpr'] }).packs).toEqual([]);
    expect(enabledRegulations({ regulations: ['eu-gdpr', 'nope'] }, {}).unknown).toEqual(['nope']);
  });
});

describe('compareWithLimit', () => {
  const at = (value: number, unit: Unit) => ({ value, unit });
  it.each([
    // same unit: the numbers decide
    [at(15, 'day'), 15, 'day', 'meets', undefined],
    [at(20, 'day'), 15, 'day', 'exceeds', undefined],
    [at(1, 'month'), 1, 'month', 'meets', undefined],
    // calendar units convert exactly
    [at(48, 'hour'), 15, 'day', 'meets', undefined],
    [at(10, 'week'), 8, 'week', 'exceeds', undefined],
    [at(30, 'day'), 8, 'week', 'meets', undefined],
    // business days against calendar days: fewer may still take longer; as many or more always do
    [at(10, 'business-day'), 15, 'day', 'may-exceed', 'business-vs-calendar'],
    [at(16, 'business-day'), 15, 'day', 'exceeds', undefined],
    [at(1, 'business-day'), 15, 'day', 'meets', undefined],
    [at(40, 'business-day'), 8, 'week', 'may-exceed', 'business-vs-calendar'],
    // calendar days against business days
    [at(15, 'day'), 15, 'business-day', 'meets', undefined],
    [at(20, 'day'), 15, 'business-day', 'may-exceed', 'calendar-vs-business'],
    [at(60, 'day'), 15, 'business-day', 'exceeds', undefined],
    // a month is 28 to 31 days
    [at(28, 'day'), 1, 'month', 'meets', undefined],
    [at(30, 'day'), 1, 'month', 'may-exceed', 'month-length'],
    [at(45, 'day'), 1, 'month', 'exceeds', undefined],
  ] as const)('%o against %d %s: %s', (promised, value, unit, verdict, reason) => {
    const result = compareWithLimit(promised, { comparator: 'at-most', value, unit });
    expect(result).toEqual(reason ? { verdict, reason } : { verdict });
  });

  it('an at-least limit wants no less', () => {
    expect(compareWithLimit(at(3, 'day'), { comparator: 'at-least', value: 7, unit: 'day' })).toEqual({ verdict: 'exceeds' });
    expect(compareWithLimit(at(14, 'day'), { comparator: 'at-least', value: 7, unit: 'day' })).toEqual({ verdict: 'meets' });
  });

  it('values that are no duration are not compared', () => {
    expect(compareWithLimit(at(3, 'ring'), { comparator: 'at-most', value: 15, unit: 'day' })).toBeUndefined();
  });
});
