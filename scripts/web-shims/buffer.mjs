// node:buffer in the web worker: the server reads no files there, but io/write.ts is bundled.
export function isUtf8(bytes) {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
