// What the Word reader refuses, in-process and fast (the same inputs run
// through the CLI in test/reliability.test.ts): each with its code and a
// reason that says what the file is and what to do.

import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DocxError, readDocx } from '../../server/src/io/docx';
import { DOCX_LIMITS, openPackage } from '../../server/src/io/docx/package';
import { BAD_WORD_FILES, list, lvl, makeDocx, p } from '../helpers/docx';

function failure(bytes: Uint8Array): DocxError {
  try {
    readDocx(bytes);
  } catch (e) {
    if (e instanceof DocxError) return e;
    throw e;
  }
  throw new Error('read without complaint');
}

describe('files the reader refuses', () => {
  const CASES: [name: keyof typeof BAD_WORD_FILES, code: string, reason: RegExp][] = [
    ['notZip', 'not-zip', /not a zip package/],
    ['docBinary', 'doc-binary', /old binary Word document \(\.doc\).*save it as \.docx/],
    ['encrypted', 'encrypted', /password-protected.*Save a copy without a password/],
    ['truncated', 'corrupt', /damaged|cut short|incomplete/],
    ['zipBomb', 'zip-bomb', /inflates more than 200 times its compressed size/],
    ['noDocument', 'missing-part', /no word\/document\.xml: this is an Excel workbook/],
    ['entityDeclaration', 'xml', /word\/document\.xml: it declares a DOCTYPE/],
  ];
  it.each(CASES)('%s → %s', (name, code, reason) => {
    const e = failure(BAD_WORD_FILES[name]());
    expect(e.code).toBe(code);
    expect(e.reason).toMatch(reason);
  });

  it('counts what really inflates, whatever sizes the zip headers claim', () => {
    const bytes = Buffer.from(zipSync({ 'word/document.xml': new Uint8Array(4 * 1024 * 1024).fill(0x20) }, { level: 9 }));
    // Claim 100 bytes uncompressed in the local header (offset 22) and the central directory (offset 24).
    bytes.writeUInt32LE(100, 22);
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(100, central + 24);
    expect(failure(bytes).code).toBe('zip-bomb');
  });

  it('stops at the limit for one part and for all parts together', () => {
    const zip = zipSync({ 'a.xml': strToU8('x'.repeat(3000)), 'b.xml': strToU8('y'.repeat(3000)) }, { level: 0 });
    const part = () => openPackage(zip, () => true, { ...DOCX_LIMITS, maxPartBytes: 2000 });
    const total = () => openPackage(zip, () => true, { ...DOCX_LIMITS, maxTotalBytes: 5000 });
    expect(part).toThrow(/the part a\.xml inflates past 2000 bytes/);
    expect(total).toThrow(/the part b\.xml inflates past the 5000-byte limit for the whole document/);
    expect(openPackage(zip, (n) => n === 'b.xml').parts.get('b.xml')?.length).toBe(3000);
  });

  it('never inflates what it does not read: macros, pictures', () => {
    const read = openPackage(BAD_WORD_FILES.macroEnabled(), (n) => n.endsWith('.xml'));
    expect(read.names).toContain('word/vbaProject.bin');
    expect(read.parts.has('word/vbaProject.bin')).toBe(false);
  });
});

describe('a damaged package', () => {
  const good = makeDocx({
    numbering: list(1, lvl(0, 'chineseCounting', '%1、')),
    body: p('客户服务手册', { style: 'Title' }) + p('总则', { numId: 1 }) + p('热线电话须在20秒内接通。'),
  });

  it('is read or refused with a DocxError, never anything else, whatever bytes are changed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (edits) => {
        const bytes = Buffer.from(good);
        for (const [at, value] of edits) bytes[at] = value;
        try {
          readDocx(bytes);
        } catch (e) {
          expect(e).toBeInstanceOf(DocxError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
