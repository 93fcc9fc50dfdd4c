// Opens a Word package (a zip) and inflates only the parts the reader needs,
// each under a size and ratio limit counted while it inflates, so a zip bomb
// stops at the limit however its headers lie. Images, embedded objects and
// macros (vbaProject.bin) are never inflated. Files that are not a zip are
// told apart by their first bytes: a .doc, a password-protected document (an
// OLE container holding EncryptedPackage), RTF.

import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';

export type DocxFailureCode = 'not-zip' | 'doc-binary' | 'encrypted' | 'rtf' | 'zip-bomb' | 'missing-part' | 'corrupt' | 'xml';

/** A Word file that cannot be read; `reason` says what it is and what to do. */
export class DocxError extends Error {
  constructor(
    readonly code: DocxFailureCode,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'DocxError';
  }
}

export const DOCX_LIMITS = {
  /** One inflated part (document.xml of a 1,000-page manual is well under this). */
  maxPartBytes: 64 * 1024 * 1024,
  /** All inflated parts together. */
  maxTotalBytes: 128 * 1024 * 1024,
  /** Inflated bytes per compressed byte; Word's XML compresses about 10:1, a bomb 1000:1. */
  maxRatio: 200,
  /** Below this size a part's ratio is not judged (a tiny part of repeated spaces is harmless). */
  ratioFloorBytes: 1024 * 1024,
};

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Compressed bytes handed to the inflater at a time: at most ~1000 times this comes out per push. */
const PUSH_BYTES = 16 * 1024;

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function hasUtf16(bytes: Uint8Array, word: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(word, 'utf16le'));
}

/** Says what a file that is not a zip is, as a DocxError. */
function notAZip(bytes: Uint8Array): DocxError {
  if (startsWith(bytes, OLE_MAGIC)) {
    if (hasUtf16(bytes, 'EncryptedPackage')) {
      return new DocxError('encrypted', 'the document is password-protected (encrypted); policylint cannot read it. Save a copy without a password (File › Info › Protect Document) and lint that');
    }
    if (hasUtf16(bytes, 'WordDocument')) {
      return new DocxError('doc-binary', 'this is an old binary Word document (.doc) named .docx; open it in Word or WPS and save it as .docx');
    }
    return new DocxError('not-zip', 'this is an OLE file, not a Word .docx; save it from Word or WPS as .docx');
  }
  if (bytes[0] === 0x7b && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '{\\rtf') {
    return new DocxError('rtf', 'this is an RTF file named .docx; save it from Word or WPS as .docx');
  }
  return new DocxError('not-zip', 'not a Word .docx (it is not a zip package); check that the file is complete and really a .docx');
}

/** Every entry name in the package, and the inflated bytes of those `wanted` says to read. */
export interface DocxPackage {
  names: string[];
  parts: Map<string, Uint8Array>;
}

/**
 * Reads the package, inflating the entries `wanted` accepts. Throws DocxError for a file that
 * is not a zip, a corrupt zip, an encrypted entry, or a part past the limits.
 */
export function openPackage(bytes: Uint8Array, wanted: (name: string) => boolean, limits = DOCX_LIMITS): DocxPackage {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) throw notAZip(bytes);
  const names: string[] = [];
  const parts = new Map<string, Uint8Array>();
  let total = 0;
  let failure: DocxError | undefined;
  const fail = (e: DocxError) => {
    failure ??= e;
    throw failure;
  };

  const unzip = new Unzip((file: UnzipFile) => {
    names.push(file.name);
    if (!wanted(file.name)) return;
    if (file.compression !== 0 && file.compression !== 8) fail(new DocxError('corrupt', `the part ${file.name} uses compression method ${file.compression}, which Word never writes; save the document again from Word or WPS`));
    const chunks: Uint8Array[] = [];
    let size = 0;
    let compressed = 0;
    file.ondata = (err, chunk, final) => {
      if (err) fail(new DocxError('corrupt', `the part ${file.name} is damaged (${err.message}); save the document again from Word or WPS`));
      size += chunk.length;
      total += chunk.length;
      compressed = Math.max(file.size ?? 0, compressed);
      if (size > limits.maxPartBytes || total > limits.maxTotalBytes) {
        fail(new DocxError('zip-bomb', `the part ${file.name} inflates past ${size > limits.maxPartBytes ? `${limits.maxPartBytes} bytes` : `the ${limits.maxTotalBytes}-byte limit for the whole document`}; this looks like a zip bomb, so it was not read further`));
      }
      if (size > limits.ratioFloorBytes && compressed > 0 && size / compressed > limits.maxRatio) {
        fail(new DocxError('zip-bomb', `the part ${file.name} inflates more than ${limits.maxRatio} times its compressed size; this looks like a zip bomb, so it was not read further`));
      }
      chunks.push(chunk);
      if (final) parts.set(file.name, Buffer.concat(chunks));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length; at += PUSH_BYTES) unzip.push(bytes.subarray(at, at + PUSH_BYTES), at + PUSH_BYTES >= bytes.length);
  } catch (e) {
    if (failure) throw failure;
    throw new DocxError('corrupt', `the zip package is damaged (${(e as Error).message}); save the document again from Word or WPS`);
  }
  if (failure) throw failure;
  for (const name of names) {
    if (wanted(name) && !parts.has(name)) throw new DocxError('corrupt', `the part ${name} is cut short; the file is incomplete or damaged`);
  }
  return { names, parts };
}
