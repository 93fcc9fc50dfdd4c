// Document identity. The Project is keyed by file-system path (what the CLI
// uses, so cross-document findings name files the same way); LSP speaks URIs.
// Documents that are not files (untitled:) keep their URI as their path.

import { isAbsolute } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function uriToPath(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri; // a file URI with a host (UNC on POSIX): keep it as an opaque key
  }
}

export function pathToUri(path: string): string {
  return isAbsolute(path) ? pathToFileURL(path).href : path;
}

export function isFilePath(path: string): boolean {
  return isAbsolute(path);
}
