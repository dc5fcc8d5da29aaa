import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findBinary } from "./find-binary.js";
import { freePort } from "./free-port.js";

/**
 * A redis-server of its own for a test file: a free loopback port, a temporary folder, no persistence; `stop` ends
 * it and removes the folder.
 */
export interface RedisServer {
  /** redis://127.0.0.1:<port> */
  readonly url: string;
  stop(): Promise<void>;
}

const HINT = "install Redis (Debian: apt-get install redis-server)";

/** redis-server's path; undefined (with a warning) outside CI when Redis is missing, an error in CI. */
export const findRedis = (): string | undefined => findBinary("redis-server", HINT);

export async function startRedis(): Promise<RedisServer> {
  const binary = findRedis();
  if (!binary) throw new Error(`redis-server not found: ${HINT}`);
  const folder = await mkdtemp(join(tmpdir(), "desk-redis-"));
  const port = await freePort();
  const child: ChildProcess = spawn(
    binary,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 30_000);
      child.stdout?.on("data", (chunk) => {
        output += chunk;
        if (output.includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr?.on("data", (chunk) => (output += chunk));
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}:\n${output}`));
      });
    });
  } catch (error) {
    child.kill("SIGKILL");
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(folder, { recursive: true, force: true });
    },
  };
}
