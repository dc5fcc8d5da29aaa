import { type ChildProcess, fork } from "node:child_process";

/** A Node child process of the benchmark, talking over IPC: `ask` sends a message and awaits the answer's key. */
export interface Child {
  process: ChildProcess;
  /** What the child sent as `{ url }` once listening. */
  url: string;
  /** Sends `message` and resolves with the value under `key` in the first message carrying it. */
  ask<T>(message: string, key: string): Promise<T>;
  /** Sends "close" and waits for the exit (SIGKILL after 10 s). */
  close(): Promise<void>;
}

/** Forks `script` (argv and Node flags given), resolving once it has sent `{ url }`. */
export async function startChild(
  script: string,
  args: string[] = [],
  execArgv: string[] = [],
): Promise<Child> {
  const child = fork(script, args, { execArgv, stdio: ["ignore", "ignore", "pipe", "ipc"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const next = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: Record<string, unknown>) => {
        if (typeof message !== "object" || message === null || !(key in message)) return;
        child.off("message", onMessage);
        resolve(message[key] as T);
      };
      child.on("message", onMessage);
      void exited.then((code) => reject(new Error(`${script} exited with ${code}: ${stderr}`)));
    });
  const url = await next<string>("url");
  return {
    process: child,
    url,
    ask(message, key) {
      const answer = next<never>(key);
      child.send(message);
      return answer;
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      if (child.connected) child.send("close");
      else child.kill("SIGKILL");
      await exited;
      clearTimeout(timer);
    },
  };
}
