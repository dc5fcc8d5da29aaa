/**
 * Text from users (a ticket subject) made safe to send in an invoke body: Desk substitutes `{{...}}` anywhere in
 * `postBody`, so a subject holding `{{installationId}}` would otherwise reach the tracker substituted. A space
 * between the braces keeps the text readable and stops it being a placeholder.
 *
 * @example
 * literalText("see {{installationId}}"); // "see { {installationId} }"
 */
export function literalText(text: string): string {
  // Every brace followed by another gets a space: no two braces stay side by side, however many there were.
  return text.replace(/\{(?=\{)/g, "{ ").replace(/\}(?=\})/g, "} ");
}
