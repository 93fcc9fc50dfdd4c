// node:module in the web worker: fdir asks for createRequire only to load optional helpers.
export const createRequire = () => (id) => {
  throw new Error(`cannot load ${id} in a web worker`);
};
export default { createRequire };
