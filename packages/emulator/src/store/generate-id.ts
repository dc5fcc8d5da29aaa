import { randomInt } from "node:crypto";

/** A Desk-looking numeric id (Desk ids are long numbers sent as strings), `prefix` then 15 random digits. */
export function generateId(prefix = "4"): string {
  let digits = prefix;
  for (let i = 0; i < 3; i++) digits += String(randomInt(0, 100_000)).padStart(5, "0");
  return digits;
}
