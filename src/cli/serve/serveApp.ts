// The HTTP routes of `perpetuum serve`: the built web app's files, the built-in scenarios and the
// scenario named on the command line. GET and HEAD only, no request bodies, strict headers.

import { Hono } from "hono";
import { builtInNames, builtInText } from "./builtInScenarios.js";
import { staticFile } from "./staticFile.js";

/** The scenario the page opens with, unless its URL says otherwise. */
export interface InitialScenario {
  /** The name shown in messages: a built-in's name or the file's name. */
  readonly name: string;
  /** The YAML text. */
  readonly text: string;
  /** True when it is a built-in scenario (the page then keeps its name in the URL). */
  readonly builtIn: boolean;
}

/** The Content-Security-Policy of every response: nothing but the app's own files runs. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

/** A request with a body: a Content-Length above zero or any Transfer-Encoding. */
function hasBody(headers: Headers): boolean {
  const length = headers.get("content-length");
  return (length !== null && length.trim() !== "0") || headers.has("transfer-encoding");
}

/** The app serving the files under `webRoot` and the API. */
export function serveApp(webRoot: string, initial: InitialScenario): Hono {
  const app = new Hono();
  app.use("*", async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      c.res = c.text("only GET and HEAD are served\n", 405, { Allow: "GET, HEAD" });
    } else if (hasBody(c.req.raw.headers)) {
      c.res = c.text("request bodies are refused\n", 413);
    } else {
      await next();
    }
    c.res.headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    c.res.headers.set("X-Content-Type-Options", "nosniff");
    c.res.headers.set("Referrer-Policy", "no-referrer");
  });
  app.get("/api/scenarios", (c) => c.json(builtInNames()));
  app.get("/api/scenarios/:name", (c) => {
    const text = builtInText(c.req.param("name"));
    return text === null
      ? c.text("no such scenario\n", 404)
      : c.text(text, 200, { "Content-Type": "text/yaml; charset=utf-8" });
  });
  app.get("/api/initial", (c) => c.json(initial));
  app.get("*", (c) => {
    const file = staticFile(webRoot, new URL(c.req.url).pathname);
    if (file === null) return c.text("not found\n", 404);
    return c.body(file.body, 200, { "Content-Type": file.type, "Cache-Control": "no-cache" });
  });
  app.notFound((c) => c.text("not found\n", 404));
  return app;
}
