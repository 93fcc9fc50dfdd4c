// node:url in the web worker. Documents there have no file: URIs; these keep the server's
// conversions working for any that do.
export const fileURLToPath = (url) => decodeURIComponent(new URL(String(url)).pathname);
export const pathToFileURL = (path) => new URL(`file://${encodeURI(path).replace(/[?#]/g, encodeURIComponent)}`);
export default { fileURLToPath, pathToFileURL };
