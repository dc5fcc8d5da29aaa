import Database from "better-sqlite3";

/**
 * Every row of every table of the SQLite file at `path`, as one string, read through a connection of its own: what a
 * refused request must leave exactly as it was.
 */
export function snapshotDatabase(path: string): string {
  const raw = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[];
    return JSON.stringify(
      tables.map(({ name }) => [name, raw.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all()]),
    );
  } finally {
    raw.close();
  }
}
