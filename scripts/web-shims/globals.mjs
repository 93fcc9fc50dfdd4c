// Node globals the server uses, for the web worker (esbuild `inject`): the size check on a
// document, the scheduler's yield, and what glob libraries read from `process`.
export const Buffer = { byteLength: (text) => new TextEncoder().encode(String(text)).length };
export const setImmediate = (callback, ...args) => setTimeout(callback, 0, ...args);
export const process = { platform: 'linux', env: {}, cwd: () => '/', versions: {}, pid: 0 };
