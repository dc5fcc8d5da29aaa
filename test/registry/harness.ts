// Child processes for the registry test: commands with a time limit and their output kept for the failure message,
// long-running servers that announce themselves with one JSON line, and an environment cut off from the
// developer's own npm configuration (npm's cache stays, so repeated runs download nothing twice).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Resolve with the result instead of rejecting when the exit code is not 0. */
  allowFailure?: boolean;
}

/** Runs a command to its end; rejects (with its output) on a non-zero exit, a signal or the time limit. */
export function run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  const { cwd, env = process.env, timeoutMs = 120_000, allowFailure = false } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(" ")}: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const result = { code, stdout, stderr };
      if (code === 0 || allowFailure) return resolve(result);
      const why = signal === "SIGKILL" ? `killed after ${timeoutMs} ms` : `exit ${code ?? signal}`;
      reject(
        new Error(
          `${command} ${args.join(" ")} (in ${cwd}): ${why}\n--- stdout\n${stdout.slice(-4000)}\n--- stderr\n${stderr.slice(-4000)}`,
        ),
      );
    });
  });
}

/** The last line of a command's output that parses as JSON (runtimes may print warnings first). */
export const lastJsonLine = <T>(result: RunResult): T => {
  const line = result.stdout
    .trim()
    .split("\n")
    .reverse()
    .find((candidate) => candidate.startsWith("{"));
  if (line === undefined) throw new Error(`no JSON line in:\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(line) as T;
};

export interface Server<T> {
  info: T;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts a server that prints one JSON line once it listens; resolves with that line, rejects if it exits first. */
export function startServer<T>(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<Server<T>> {
  const { cwd, env = process.env, timeoutMs = 60_000 } = options;
  const child: ChildProcess = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${command} ${args.join(" ")}: no JSON line after ${timeoutMs} ms\n${output}`));
    }, timeoutMs);
    let announced = false;
    child.stdout?.on("data", (chunk) => {
      output += chunk;
      if (announced) return;
      const line = output
        .split("\n")
        .find((candidate) => candidate.startsWith("{") && candidate.endsWith("}"));
      if (line === undefined) return;
      announced = true;
      clearTimeout(timer);
      resolve({ info: JSON.parse(line) as T, output: () => output, stop });
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    child.once("close", (code) => {
      if (announced) return;
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(" ")} exited (${code}) before it listened\n${output}`));
    });
  });
}

/**
 * The environment for npm, pnpm and the runtimes: the caller's, without any npm_config_* a parent package manager
 * set, with an empty user .npmrc (a developer's ~/.npmrc cannot point @desk anywhere), and no DESK_REGISTRY.
 */
export function isolatedEnv(folder: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  mkdirSync(folder, { recursive: true });
  const userconfig = join(folder, "user.npmrc");
  writeFileSync(userconfig, "");
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (
      !/^(?:npm_config_|npm_package_|npm_lifecycle_|pnpm_config_)/i.test(name) &&
      name !== "DESK_REGISTRY"
    ) {
      env[name] = value;
    }
  }
  return {
    ...env,
    npm_config_userconfig: userconfig,
    npm_config_update_notifier: "false",
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_loglevel: "warn",
    NO_COLOR: "1",
    ...extra,
  };
}
