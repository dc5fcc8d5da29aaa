export { ALLOWED_LOCATIONS, PLACEHOLDER_LOCATIONS } from "./allowed-locations.js";
export { checkPlaceholderLocations } from "./check-placeholder-locations.js";
export { PlaceholderError } from "./errors/placeholder-error.js";
export { PlaceholderLocationError } from "./errors/placeholder-location-error.js";
export { PlaceholderSyntaxError } from "./errors/placeholder-syntax-error.js";
export { PlaceholderValueError } from "./errors/placeholder-value-error.js";
export { UnknownPlaceholderError } from "./errors/unknown-placeholder-error.js";
export { INSTALLATION_ID, NAME_PATTERN } from "./grammar.js";
export { parsePlaceholders } from "./parse-placeholders.js";
export { placeholder } from "./placeholder.js";
export { resolvePlaceholders } from "./resolve-placeholders.js";
export type {
  FoundPlaceholder,
  NearMiss,
  NearMissRule,
  Placeholder,
  PlaceholderIssue,
  PlaceholderKind,
  PlaceholderLocation,
  ResolveContext,
} from "./types.js";
