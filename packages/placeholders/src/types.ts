/** Where a placeholder sits in an invoke request (spec 1: the form fields Desk substitutes in). */
export type PlaceholderLocation = "requestURL" | "queryParams" | "headers" | "postBody";

/** The four kinds of placeholder Desk knows (spec 3). */
export type PlaceholderKind = "installationId" | "config" | "resourceId" | "resourceApiName";

/** A well-formed placeholder; `token` is its exact text, e.g. `{{fields.trackerKey.apiName}}`. */
export type Placeholder =
  | { kind: "installationId"; token: string }
  | { kind: "config"; name: string; token: string }
  | { kind: "resourceId" | "resourceApiName"; resourceType: string; resourceName: string; token: string };

/** A placeholder found in a text; `end` is exclusive. */
export interface FoundPlaceholder {
  placeholder: Placeholder;
  start: number;
  end: number;
}

/** Why a piece of text resembles a placeholder without being one (the `rule` of a {@link NearMiss}). */
export type NearMissRule =
  | "spaces"
  | "character"
  | "empty"
  | "unclosed"
  | "braces"
  | "name"
  | "reserved"
  | "property"
  | "case"
  | "dots";

/** Text that only resembles a placeholder: Desk leaves it as it is; the check warns about it. */
export interface NearMiss {
  text: string;
  start: number;
  end: number;
  rule: NearMissRule;
  reason: string;
  suggestion?: string;
}

/** One problem found by {@link checkPlaceholderLocations}. */
export interface PlaceholderIssue {
  token: string;
  location: PlaceholderLocation;
  rule: string;
  kind: "location" | "near-miss";
  message: string;
  start: number;
  end: number;
}

/** What Desk knows about one installation, used to resolve placeholders. */
export interface ResolveContext {
  installationId: string;
  config: Readonly<Record<string, string>>;
  /** resource type -> resource name -> the id and apiName Desk gave it at install. */
  resources: Readonly<Record<string, Readonly<Record<string, { id: string; apiName: string }>>>>;
}
