// The page's state in its URL's hash: a built-in scenario's name, or the scenario's text
// compressed (deflate-raw, base64url), plus the view; decoding refuses texts over the CLI's limit.

import { MAX_SCENARIO_BYTES } from "../../src/defaults.js";

/** What a URL says to show. */
export interface UrlState {
  /** A built-in scenario by name, a text with the name to show, or nothing (the server's). */
  readonly scenario:
    | { readonly kind: "builtIn"; readonly name: string }
    | { readonly kind: "text"; readonly name: string; readonly packed: string }
    | null;
  /** The view, when given. */
  readonly view: string | null;
}

/** Reads the hash (`#s=ono&v=tables` or `#n=my.yaml&t=…&v=…`). */
export function parseHash(hash: string): UrlState {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const builtIn = params.get("s");
  const packed = params.get("t");
  const scenario =
    builtIn !== null && /^[a-z0-9-]+$/.test(builtIn)
      ? { kind: "builtIn" as const, name: builtIn }
      : packed !== null
        ? { kind: "text" as const, name: params.get("n") ?? "scenario", packed }
        : null;
  return { scenario, view: params.get("v") };
}

/** The hash for a built-in scenario or a text, and a view. */
export async function hashFor(
  scenario: { readonly builtIn: string } | { readonly name: string; readonly text: string },
  view: string,
): Promise<string> {
  const params = new URLSearchParams();
  if ("builtIn" in scenario) params.set("s", scenario.builtIn);
  else {
    params.set("n", scenario.name);
    params.set("t", await packText(scenario.text));
  }
  params.set("v", view);
  return `#${params.toString()}`;
}

/** Bytes as base64url without padding. */
function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** base64url (padded or not) as bytes, or null when it is not base64url. */
function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) return null;
  try {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** `text` compressed with deflate-raw, as base64url. */
export async function packText(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/** The text packed by packText, or why it cannot be read (malformed, or over the size limit). */
export async function unpackText(
  packed: string,
): Promise<
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string }
> {
  const bytes = fromBase64Url(packed);
  if (bytes === null) return { ok: false, message: "the scenario in the URL is not base64url" };
  const limit = MAX_SCENARIO_BYTES / 1024 / 1024;
  const tooLarge = `the scenario in the URL is larger than ${limit} MB, the limit of scenario files`;
  if (bytes.length > MAX_SCENARIO_BYTES) return { ok: false, message: tooLarge };
  const reader = new Blob([bytes])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_SCENARIO_BYTES) {
        await reader.cancel();
        return { ok: false, message: tooLarge };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, message: "the scenario in the URL is damaged (it does not decompress)" };
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, text: new TextDecoder().decode(all) };
}
