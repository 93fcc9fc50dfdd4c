// node:fs/promises in the web worker: see fs.mjs.
import { promises } from './fs.mjs';

export const { stat, lstat, readFile, readdir, realpath, open, writeFile, rename, unlink, mkdir } = promises;
export default promises;
