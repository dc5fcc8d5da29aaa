// What the example tests share: run an example file as a user would (node, or node with tsx for .ts), give it a
// free loopback port, point a manifest's localhost URLs there, and a tracker stand-in that records requests.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute path of a file under examples/. */
export const example = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

const tsxLoader = import.meta.resolve("tsx");
const TIMEOUT_MS = 60_000;

function nodeArgs(file: string, args: string[]) {
  return [...(file.endsWith(".ts") ? ["--import", tsxLoader] : []), file, ...args];
}

export interface RunOptions {
  env?: Record<string, string>;
  cwd?: string;
  args?: string[];
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function childEnv(env: Record<string, string> = {}) {
  return { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...env };
}

/** Runs an example to its end; resolves with its exit code and output (never rejects on a non-zero exit). */
export function runExample(file: string, options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs(file, options.args ?? []), {
      cwd: options.cwd ?? join(file, ".."),
      env: childEnv(options.env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A long-running example (a server), started and ready: its stdout matched `ready`. */
export interface RunningExample {
  output(): string;
  stop(): Promise<void>;
}

export function startExample(file: string, ready: RegExp, options: RunOptions = {}): Promise<RunningExample> {
  const child: ChildProcess = spawn(process.execPath, nodeArgs(file, options.args ?? []), {
    cwd: options.cwd ?? join(file, ".."),
    env: childEnv(options.env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
  const running: RunningExample = {
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`${file} did not print ${ready} in time:\n${output}`)),
      TIMEOUT_MS,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      running.stop().then(() => reject(error), reject);
    };
    child.stdout?.on("data", (chunk) => {
      output += chunk;
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve(running);
      }
    });
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.on("error", fail);
    child.on("close", (code) => fail(new Error(`${file} exited (${code}) before it was ready:\n${output}`)));
  });
}

/** A free loopback port (the OS picks it; it is released before the example binds it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * An example's plugin-manifest.json as the test runs it: the loopback ports it is written for (4200 for the
 * extension's callback listener, 4300 for a stand-in) moved to the free ports the test uses.
 */
export function manifestFor(folder: string, ports: Record<number, number>) {
  let text = readFileSync(example(`${folder}/plugin-manifest.json`), "utf8");
  for (const [from, to] of Object.entries(ports)) {
    text = text.replaceAll(`http://127.0.0.1:${from}`, `http://127.0.0.1:${to}`);
  }
  return JSON.parse(text) as { secret: string; whiteListedDomains: string[] };
}

/** A request the stand-in received. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** A loopback stand-in for a third-party API (an issue tracker): records requests, answers with `answer`. */
export async function startStandIn(
  answer: (request: Received, response: ServerResponse) => void = (_, response) => {
    response.writeHead(201, { "Content-Type": "application/json" });
    response.end('{"key":"TRK-1"}');
  },
) {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const entry = { method: request.method ?? "", url: request.url ?? "", headers: request.headers, body };
      received.push(entry);
      answer(entry, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A temporary folder, removed by the returned function. */
export function tempFolder(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), "desk-example-"));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
