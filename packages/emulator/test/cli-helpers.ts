import { createHmac } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { main } from "../src/cli/main.js";
import type { CliIo } from "../src/cli/types.js";

/** CLI I/O that records stdout/stderr and lets the test decide when `start` is asked to stop. */
export interface CapturedIo extends CliIo {
  stdoutText(): string;
  stderrText(): string;
  /** Resolves `waitForStop` as if the process got `signal`. */
  stop(signal?: string): void;
  /** Resolves with the first match of `pattern` in stdout, as soon as it is written. */
  waitForStdout(pattern: RegExp): Promise<RegExpMatchArray>;
}

export function captureIo(
  options: { env?: Record<string, string>; cwd?: string; tty?: boolean } = {},
): CapturedIo {
  let stdout = "";
  let stderr = "";
  const waiters: { pattern: RegExp; resolve: (match: RegExpMatchArray) => void }[] = [];
  let resolveStop: (signal: string) => void = () => {};
  const stopped = new Promise<string>((resolve) => {
    resolveStop = resolve;
  });
  const check = () => {
    for (const waiter of [...waiters]) {
      const match = stdout.match(waiter.pattern);
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  };
  return {
    stdout: {
      isTTY: options.tty ?? false,
      write(text: string) {
        stdout += text;
        check();
      },
    },
    stderr: {
      isTTY: options.tty ?? false,
      write(text: string) {
        stderr += text;
      },
    },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    waitForStop: () => stopped,
    stdoutText: () => stdout,
    stderrText: () => stderr,
    stop: (signal = "SIGTERM") => resolveStop(signal),
    waitForStdout: (pattern) =>
      new Promise((resolve) => {
        waiters.push({ pattern, resolve });
        check();
      }),
  };
}

/** Runs the CLI in-process and returns its exit code and output. */
export async function runCli(
  argv: readonly string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo(options);
  const code = await main(argv, io);
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}

export interface ReceivedCallback {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An extension's callback listener on an ephemeral port that records what arrives. */
export async function startListener(): Promise<{
  url: string;
  received: ReceivedCallback[];
  setStatus(status: number): void;
  close(): Promise<void>;
}> {
  const received: ReceivedCallback[] = [];
  let status = 200;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({
        path: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      response.writeHead(status, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    setStatus: (next) => {
      status = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An address nothing listens on: a port we bound and released. */
export async function closedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** HMAC-SHA256 hex, computed here independently of @desk/hash. */
export function hmacHex(secret: string, message: string): string {
  return createHmac("sha256", secret).update(message, "utf8").digest("hex");
}

/** The hello example's manifest with its callbacks sent to `listenerUrl`. */
export function helloManifest(listenerUrl: string): Record<string, unknown> {
  return {
    name: "Hello Desk",
    locale: ["en"],
    service: "DESK",
    modules: {
      widgets: [{ name: "Hello", location: "desk.ticket.detail.rightpanel", url: "/app/widget.html" }],
    },
    connectors: [],
    storage: true,
    secret: "hello_desk_secret_7f3a9c2e41",
    whiteListedDomains: ["https://desk.zoho.com", listenerUrl],
    callbackListener: {
      onInstall: `${listenerUrl}/desk/callbacks/install`,
      onUpdate: `${listenerUrl}/desk/callbacks/update`,
      onConfigParamAdd: `${listenerUrl}/desk/callbacks/config`,
      onUninstall: `${listenerUrl}/desk/callbacks/uninstall`,
    },
    config: [
      {
        name: "greeting",
        displayName: "Greeting",
        type: "text",
        mandatory: false,
        secure: false,
        userdefined: true,
      },
      {
        name: "trackerToken",
        displayName: "Token",
        type: "text",
        mandatory: false,
        secure: true,
        userdefined: true,
      },
    ],
  };
}

/** Writes the project files a manifest from helloManifest() names (widget page, translations). */
export async function writeHelloProjectFiles(folder: string): Promise<void> {
  await mkdir(join(folder, "app", "translations"), { recursive: true });
  await writeFile(join(folder, "app", "widget.html"), "<!doctype html><p>Hello</p>\n");
  await writeFile(join(folder, "app", "translations", "en.json"), '{"greeting": "Hello"}\n');
}
