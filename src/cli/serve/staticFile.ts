// Finds a file of the built web app for a request path, refusing anything outside its folder.

import { readFileSync, statSync } from "node:fs";
import { extname, resolve, sep } from "node:path";

/** Content types of the files a Vite build writes. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** A file to send: its bytes and content type. */
export interface StaticFile {
  /** The file's bytes. */
  readonly body: Uint8Array<ArrayBuffer>;
  /** Its Content-Type. */
  readonly type: string;
}

/**
 * The file under `root` for the URL path `pathname` (`/` is `index.html`), or null when there is
 * none, the path is malformed, or it would leave `root`.
 */
export function staticFile(root: string, pathname: string): StaticFile | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname === "/" ? "/index.html" : pathname);
  } catch {
    return null;
  }
  if (path.includes("\0") || path.split("/").includes("..")) return null;
  const base = resolve(root);
  const full = resolve(base, `.${path}`);
  if (!full.startsWith(base + sep)) return null;
  try {
    if (!statSync(full).isFile()) return null;
    return {
      body: new Uint8Array(readFileSync(full)),
      type: CONTENT_TYPES[extname(full)] ?? "application/octet-stream",
    };
  } catch {
    return null;
  }
}
