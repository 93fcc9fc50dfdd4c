// node:crypto in the web worker: only random bytes are used (temporary file names, never
// reached without a file system).
export const randomBytes = (n) => {
  const bytes = crypto.getRandomValues(new Uint8Array(n));
  return { toString: () => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('') };
};
export default { randomBytes };
