// Matches the colour codes createStyle writes, so widths count visible characters only.
const ANSI = /\u001b\[\d+m/g;

/**
 * Renders rows as left-aligned columns separated by two spaces, with a header row.
 *
 * @example
 * renderTable(["id", "org"], [["1", "12345"]]); // "id  org\n1   12345"
 */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  bold = (s: string) => s,
): string {
  const widths = header.map((title, column) =>
    Math.max(visibleLength(title), ...rows.map((row) => visibleLength(row[column] ?? ""))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell + " ".repeat((widths[column] ?? 0) - visibleLength(cell)))
      .join("  ")
      .trimEnd();
  return [line(header.map(bold)), ...rows.map(line)].join("\n");
}

function visibleLength(text: string): number {
  return [...text.replace(ANSI, "")].length;
}
