import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { statement } from "./statement.js";

describe("statement", () => {
  const opened: Database.Database[] = [];
  const open = () => {
    const db = new Database(":memory:");
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
    opened.push(db);
    return db;
  };
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
  });

  it("prepares each SQL text once per database and reuses it", () => {
    const db = open();
    const first = statement(db, "SELECT v FROM t WHERE id = ?");
    expect(statement(db, "SELECT v FROM t WHERE id = ?")).toBe(first);
    expect(statement(db, "SELECT id FROM t")).not.toBe(first);
    const other = open();
    expect(statement(other, "SELECT v FROM t WHERE id = ?")).not.toBe(first);
  });

  it("answers current rows on reuse, inside and outside transactions", () => {
    const db = open();
    const insert = (id: number, v: string) => statement(db, "INSERT INTO t (id, v) VALUES (?, ?)").run(id, v);
    const read = (id: number) =>
      statement(db, "SELECT v FROM t WHERE id = ?").get(id) as { v: string } | undefined;
    insert(1, "a");
    expect(read(1)).toEqual({ v: "a" });
    db.transaction(() => {
      insert(2, "b");
      expect(read(2)).toEqual({ v: "b" });
    })();
    expect(read(2)).toEqual({ v: "b" });
    expect(read(3)).toBeUndefined();
  });

  it("keeps working past the cache's size: the oldest texts are prepared again when asked for", () => {
    const db = open();
    statement(db, "INSERT INTO t (id, v) VALUES (1, 'x')").run();
    const first = statement(db, "SELECT v FROM t WHERE id = 1");
    for (let i = 0; i < 300; i++)
      expect(statement(db, `SELECT v, ${i} AS n FROM t`).get()).toEqual({ v: "x", n: i });
    const again = statement(db, "SELECT v FROM t WHERE id = 1");
    expect(again).not.toBe(first);
    expect(again.get()).toEqual({ v: "x" });
  });
});
