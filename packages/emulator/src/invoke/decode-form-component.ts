const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Decodes one `application/x-www-form-urlencoded` name or value as URLSearchParams does (`+` is a space, a `%`
 * not followed by two hex digits stays as it is), except that percent-encoded bytes which are not UTF-8 answer
 * undefined instead of turning silently into U+FFFD: a raw invalid byte and an encoded one are refused alike.
 */
export function decodeFormComponent(text: string): string | undefined {
  const spaced = text.includes("+") ? text.replaceAll("+", " ") : text;
  if (!spaced.includes("%")) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    // Either a lone `%` (kept as text) or bytes that are not UTF-8 (refused): decode byte by byte to tell.
  }
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < spaced.length; i++) {
    const hex = spaced.slice(i + 1, i + 3);
    if (spaced[i] === "%" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      const code = spaced.codePointAt(i)!;
      const char = String.fromCodePoint(code);
      for (const byte of encoder.encode(char)) bytes.push(byte);
      i += char.length - 1;
    }
  }
  try {
    return STRICT_UTF8.decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
}
