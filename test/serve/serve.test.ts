// perpetuum serve's server in-process on a free port: the API, the static files, the headers, the
// refusals (other methods, bodies, paths outside the app) and the loopback binding.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServeHandle, serveCommand } from "../../src/cli/commands/serve.js";
import { UsageError } from "../../src/cli/io.js";
import { BUILT_IN_DIR } from "../../src/cli/readScenarioFile.js";
import { CONTENT_SECURITY_POLICY, type InitialScenario } from "../../src/cli/serve/serveApp.js";
import { MAX_SCENARIO_BYTES } from "../../src/defaults.js";
import { captureIo } from "../support/runCli.js";

/** A folder standing in for dist/web. */
function fakeWebRoot(): string {
  const root = mkdtempSync(join(tmpdir(), "perpetuum-web-"));
  mkdirSync(join(root, "assets"));
  writeFileSync(join(root, "index.html"), "<!doctype html><title>app</title>");
  writeFileSync(join(root, "assets", "app.js"), "export {};");
  return root;
}

/** A raw request (fetch would normalise the path and cannot send a GET with a body). */
function raw(
  url: string,
  path: string,
  options: { method?: string; body?: string } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((done, fail) => {
    const req = request(new URL(path, url), { method: options.method ?? "GET", path }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", fail);
    if (options.body !== undefined) {
      req.setHeader("Content-Length", Buffer.byteLength(options.body));
      req.end(options.body);
    } else req.end();
  });
}

describe("perpetuum serve", () => {
  const webRoot = fakeWebRoot();
  const { io, stdout, stderr } = captureIo();
  let server: ServeHandle;

  beforeAll(async () => {
    server = await serveCommand(undefined, { port: "0" }, io, webRoot);
  });
  afterAll(() => server.close());

  it("listens on 127.0.0.1 by default and prints the URL to open, without a warning", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(stdout()).toContain(server.url);
    expect(stderr()).toBe("");
  });

  it("is not reachable on the machine's other addresses", async () => {
    const port = new URL(server.url).port;
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && a.family === "IPv4" && !a.internal);
    for (const a of others) {
      await expect(fetch(`http://${a?.address}:${port}/`)).rejects.toThrow();
    }
  });

  it("lists the built-in scenarios", async () => {
    const response = await fetch(`${server.url}api/scenarios`);
    expect(response.status).toBe(200);
    expect(await response.json()).toContain("ono");
  });

  it("answers a built-in's YAML text", async () => {
    const response = await fetch(`${server.url}api/scenarios/ono`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/yaml");
    expect(await response.text()).toBe(readFileSync(join(BUILT_IN_DIR, "ono.yaml"), "utf8"));
  });

  it("refuses names that are not a built-in's", async () => {
    for (const name of ["nope", "ONO", "ono.yaml", "..%2Fpackage", "%2e%2e"]) {
      expect((await raw(server.url, `/api/scenarios/${name}`)).status).toBe(404);
    }
  });

  it("answers the scenario named on the command line (ono when none is)", async () => {
    const initial = (await (await fetch(`${server.url}api/initial`)).json()) as InitialScenario;
    expect(initial).toMatchObject({ name: "ono", builtIn: true });
    expect(initial.text).toBe(readFileSync(join(BUILT_IN_DIR, "ono.yaml"), "utf8"));
  });

  it("serves the app's files with the security headers", async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
    );
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    const head = await raw(server.url, "/", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    expect(head.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
    const script = await fetch(`${server.url}assets/app.js`);
    expect(script.headers.get("content-type")).toContain("text/javascript");
    expect(await script.text()).toBe("export {};");
  });

  it("answers 404 for everything else, with the same headers", async () => {
    for (const path of ["/nope", "/api/upload", "/api", "/assets", "/assets/missing.js"]) {
      const r = await raw(server.url, path);
      expect(r.status, path).toBe(404);
      expect(r.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
    }
  });

  it("never serves a file outside the app's folder", async () => {
    const paths = [
      "/../package.json",
      "/%2e%2e/package.json",
      "/assets/..%2f..%2fpackage.json",
      "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
      "/assets%00.js",
      "/%E0%A4%A",
    ];
    for (const path of paths) expect((await raw(server.url, path)).status, path).toBe(404);
  });

  it("refuses other methods and request bodies", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const r = await raw(server.url, "/api/scenarios", { method, body: "name: x" });
      expect(r.status, method).toBe(405);
      expect(r.headers.allow).toBe("GET, HEAD");
    }
    const withBody = await raw(server.url, "/api/scenarios", { body: "name: x" });
    expect(withBody.status).toBe(413);
    expect(withBody.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe("perpetuum serve's options", () => {
  const webRoot = fakeWebRoot();

  it("says to build the app when dist/web has no index.html, without starting", async () => {
    const empty = mkdtempSync(join(tmpdir(), "perpetuum-noweb-"));
    const { io } = captureIo();
    const started = serveCommand(undefined, { port: "0" }, io, empty);
    await expect(started).rejects.toThrow(UsageError);
    await expect(started).rejects.toThrow(/run npm run build/);
  });

  it("serves a scenario file under its file name", async () => {
    const dir = mkdtempSync(join(tmpdir(), "perpetuum-scn-"));
    const path = join(dir, "mine.yaml");
    writeFileSync(path, "name: mine\n");
    const { io } = captureIo();
    const server = await serveCommand(path, { port: "0" }, io, webRoot);
    try {
      const initial = await (await fetch(`${server.url}api/initial`)).json();
      expect(initial).toEqual({ name: "mine.yaml", text: "name: mine\n", builtIn: false });
    } finally {
      await server.close();
    }
  });

  it("refuses scenario files over the CLI's size limit, and unknown scenarios", async () => {
    const dir = mkdtempSync(join(tmpdir(), "perpetuum-big-"));
    const path = join(dir, "big.yaml");
    writeFileSync(path, "#".repeat(MAX_SCENARIO_BYTES + 1));
    const { io } = captureIo();
    await expect(serveCommand(path, { port: "0" }, io, webRoot)).rejects.toThrow(
      /scenario files are limited to 4 MB/,
    );
    await expect(serveCommand("no-such", { port: "0" }, io, webRoot)).rejects.toThrow(
      /no built-in scenario of that name/,
    );
  });

  it("refuses a port that is not a number from 0 to 65535", async () => {
    const { io } = captureIo();
    for (const port of ["abc", "-1", "70000"])
      await expect(serveCommand(undefined, { port }, io, webRoot)).rejects.toThrow(UsageError);
  });

  it("says so when the port is taken", async () => {
    const { io } = captureIo();
    const first = await serveCommand(undefined, { port: "0" }, io, webRoot);
    try {
      const port = new URL(first.url).port;
      await expect(serveCommand(undefined, { port }, io, webRoot)).rejects.toThrow(
        /the port is in use/,
      );
    } finally {
      await first.close();
    }
  });

  it("warns that a non-loopback host is reachable from the network", async () => {
    const { io, stderr } = captureIo();
    const server = await serveCommand(undefined, { port: "0", host: "0.0.0.0" }, io, webRoot);
    try {
      expect(stderr()).toMatch(/^warning: listening on 0\.0\.0\.0, so anyone who can reach/);
      expect((await fetch(server.url)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
