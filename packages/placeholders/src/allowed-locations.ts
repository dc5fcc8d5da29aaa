import type { PlaceholderKind, PlaceholderLocation } from "./types.js";

/**
 * The parts of an invoke request Desk substitutes placeholders in, in request order.
 * @example
 * for (const location of PLACEHOLDER_LOCATIONS) console.log(location); // requestURL, queryParams, headers, postBody
 */
export const PLACEHOLDER_LOCATIONS: readonly PlaceholderLocation[] = [
  "requestURL",
  "queryParams",
  "headers",
  "postBody",
];

/**
 * Where Desk substitutes each kind of placeholder (spec 3 table). `installationId` in `postBody` is a
 * [decision]: the Log API needs it there. Config params (secrets, often) never go into a body.
 * @example
 * ALLOWED_LOCATIONS.config.includes("postBody"); // false
 */
export const ALLOWED_LOCATIONS: Readonly<Record<PlaceholderKind, readonly PlaceholderLocation[]>> = {
  installationId: PLACEHOLDER_LOCATIONS,
  config: PLACEHOLDER_LOCATIONS.slice(0, 3), // requestURL, queryParams, headers
  resourceId: PLACEHOLDER_LOCATIONS,
  resourceApiName: PLACEHOLDER_LOCATIONS,
};
