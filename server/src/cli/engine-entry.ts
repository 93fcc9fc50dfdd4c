// dist/engine.js: the analysis engine as its own bundle, loaded only when some
// file is not in the cache, either in-process or by each worker thread.
export { analyseFile, analyseFile as default } from './analyse-file';
