import type { CliStream, Style } from "./types.js";

const codes = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
} as const;

/**
 * Colour helpers for one stream: on for a TTY unless NO_COLOR is set (https://no-color.org), forced by FORCE_COLOR.
 *
 * @example
 * const style = createStyle(process.stdout, process.env);
 * process.stdout.write(`${style.green("✔")} installed\n`);
 */
export function createStyle(stream: CliStream, env: Readonly<Record<string, string | undefined>>): Style {
  const enabled = colourEnabled(stream, env);
  const paint = (name: keyof typeof codes) => (text: string) =>
    enabled ? `\u001b[${codes[name][0]}m${text}\u001b[${codes[name][1]}m` : text;
  return {
    enabled,
    bold: paint("bold"),
    dim: paint("dim"),
    red: paint("red"),
    green: paint("green"),
    yellow: paint("yellow"),
    cyan: paint("cyan"),
  };
}

function colourEnabled(stream: CliStream, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env["NO_COLOR"] !== undefined && env["NO_COLOR"] !== "") return false;
  const force = env["FORCE_COLOR"];
  if (force !== undefined) return force !== "0" && force !== "false";
  return stream.isTTY === true && env["TERM"] !== "dumb";
}
