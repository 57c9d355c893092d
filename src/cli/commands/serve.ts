// `perpetuum serve [SCENARIO]`: a local web app with the report's views, live. The engine runs in
// the browser (a Web Worker); this server only hands out the app's files and scenario texts.

import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { basename, join } from "node:path";
import { serve } from "@hono/node-server";
import { DEFAULT_PORT } from "../../defaults.js";
import { type Io, UsageError } from "../io.js";
import { PACKAGE_ROOT } from "../packageRoot.js";
import { parseInteger } from "../parseCount.js";
import { readScenarioFile } from "../readScenarioFile.js";
import { builtInText } from "../serve/builtInScenarios.js";
import { type InitialScenario, serveApp } from "../serve/serveApp.js";

/** The built web app (`npm run build`), beside the package's src/ and dist/. */
export const WEB_ROOT = join(PACKAGE_ROOT, "dist", "web");

/** Options of `serve`. */
export interface ServeFlags {
  /** --port: 0 picks a free port. */
  readonly port?: string;
  /** --host: the address to listen on (127.0.0.1 unless given). */
  readonly host?: string;
}

/** A running server. */
export interface ServeHandle {
  /** The address to open, ending in `/`. */
  readonly url: string;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The scenario named on the command line (ono when none is), read with the CLI's limits. */
function initialScenario(scenario: string | undefined): InitialScenario {
  const name = scenario ?? "ono";
  const file = readScenarioFile(name);
  if (!file.ok) throw new UsageError(file.message);
  const builtIn = !existsSync(name) && builtInText(name) !== null;
  return { name: builtIn ? name : basename(file.path), text: file.text, builtIn };
}

/**
 * Runs `serve` until the handle is closed (the CLI keeps running until interrupted). `webRoot` is
 * the built app's folder (tests pass another).
 */
export async function serveCommand(
  scenario: string | undefined,
  flags: ServeFlags,
  io: Io,
  webRoot: string = WEB_ROOT,
): Promise<ServeHandle> {
  if (!existsSync(join(webRoot, "index.html"))) {
    throw new UsageError(
      `the web app is not built (${join(webRoot, "index.html")} is missing): run npm run build`,
    );
  }
  const initial = initialScenario(scenario);
  const port = flags.port === undefined ? DEFAULT_PORT : parseInteger("--port", flags.port, 0);
  if (port > 65535) throw new UsageError(`--port ${flags.port}: expected a port from 0 to 65535`);
  const host = flags.host ?? "127.0.0.1";
  const app = serveApp(webRoot, initial);
  const server = await new Promise<ReturnType<typeof serve>>((done, fail) => {
    const s = serve({ fetch: app.fetch, port, hostname: host }, () => done(s));
    s.once("error", (error: NodeJS.ErrnoException) =>
      fail(
        new UsageError(
          error.code === "EADDRINUSE"
            ? `--port ${port}: the port is in use; choose another with --port`
            : `cannot listen on ${host}:${port}: ${error.message}`,
        ),
      ),
    );
  });
  const address = server.address() as AddressInfo;
  const shown = isLoopback(host) || host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  const url = `http://${shown.includes(":") ? `[${shown}]` : shown}:${address.port}/`;
  if (!isLoopback(host)) {
    io.err(
      `warning: listening on ${host}, so anyone who can reach this machine on port ${address.port} can open the app\n`,
    );
  }
  io.out(`perpetuum serve: ${initial.name} at ${url}\nOpen it in a browser; Ctrl-C stops.\n`);
  return {
    url,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}
