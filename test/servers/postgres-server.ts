import { chown, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findBinary, postgresFolders } from "./find-binary.js";
import { freePort } from "./free-port.js";
import { run } from "./run.js";

/**
 * A PostgreSQL server of its own for a test file: initdb in a temporary folder, started on a free loopback port
 * with pg_ctl, stopped and removed by `stop`. PostgreSQL refuses to run as root, so as root it runs as the
 * `postgres` user (Debian's package creates it).
 */
export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  readonly url: string;
  stop(): Promise<void>;
}

const HINT = "install PostgreSQL (Debian: apt-get install postgresql)";

async function postgresUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const line = (await readFile("/etc/passwd", "utf8"))
    .split("\n")
    .find((entry) => entry.startsWith("postgres:"));
  const [, , uid, gid] = line?.split(":") ?? [];
  if (uid === undefined || gid === undefined)
    throw new Error(`running as root and no postgres user: ${HINT}`);
  return { uid: Number(uid), gid: Number(gid) };
}

/** initdb's path; undefined (with a warning) outside CI when PostgreSQL is missing, an error in CI. */
export const findPostgres = (): string | undefined => findBinary("initdb", HINT, postgresFolders());

export async function startPostgres(): Promise<PostgresServer> {
  const initdb = findPostgres();
  if (!initdb) throw new Error(`initdb not found: ${HINT}`);
  const pgCtl = initdb.replace(/initdb$/, "pg_ctl");
  const user = await postgresUser();
  const folder = await mkdtemp(join(tmpdir(), "desk-postgres-"));
  if (user) await chown(folder, user.uid, user.gid);
  const data = join(folder, "data");
  const as = user ? { ...user, cwd: folder } : { cwd: folder };
  const port = await freePort();
  try {
    await run(
      initdb,
      ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"],
      as,
    );
    await run(
      pgCtl,
      [
        "-D",
        data,
        "-l",
        join(folder, "log.txt"),
        "-w",
        "-t",
        "60",
        "-o",
        `-p ${port} -h 127.0.0.1 -k ${folder} -F -c fsync=off -c max_connections=100`,
        "start",
      ],
      as,
    );
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await run(pgCtl, ["-D", data, "-m", "fast", "-w", "stop"], as).catch(() => undefined);
      await rm(folder, { recursive: true, force: true });
    },
  };
}
