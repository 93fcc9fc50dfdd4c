// node:fs in the web worker (scripts/build.mjs aliases it here): there is no file system, so
// every file is missing. Config lookup then finds no config and workspace indexing finds no
// files: the web server lints the documents the editor opens, with the default settings.
const missing = (path) => Object.assign(new Error(`ENOENT: no file system in a web worker, cannot read '${path}'`), { code: 'ENOENT' });
const fail = (path) => {
  throw missing(path);
};
const failAsync = async (path) => fail(path);
const failCallback = (path, ...rest) => {
  const callback = rest.find((x) => typeof x === 'function');
  queueMicrotask(() => callback?.(missing(path)));
};

export const existsSync = () => false;
export const statSync = fail;
export const lstatSync = fail;
export const readFileSync = fail;
export const readdirSync = fail;
export const realpathSync = Object.assign(fail, { native: fail });
export const stat = failCallback;
export const lstat = failCallback;
export const readdir = failCallback;
export const realpath = Object.assign(failCallback, { native: failCallback });
export const constants = { O_RDONLY: 0, O_WRONLY: 1, O_CREAT: 64, O_EXCL: 128, O_NOFOLLOW: 131072 };
export const promises = {
  stat: failAsync,
  lstat: failAsync,
  readFile: failAsync,
  readdir: failAsync,
  realpath: failAsync,
  open: failAsync,
  writeFile: failAsync,
  rename: failAsync,
  unlink: failAsync,
  mkdir: failAsync,
};
export default { existsSync, statSync, lstatSync, readFileSync, readdirSync, realpathSync, stat, lstat, readdir, realpath, constants, promises };
