// The placeholder grammar, in one place (spec 3 [decision]: the exact forms of the doc's examples).
//
//   token    = "{{" body "}}"                       no spaces, exactly two braces on the left
//   body     = "installationId"                     installation id (reserved: never a config name)
//            | name                                 config param, e.g. jiraAuthKey
//            | name "." name "." ("id" | "apiName") resource id / API name, e.g. fields.trackerKey.apiName
//   name     = letter *(letter | digit | "_")       the manifest's config-name rule, used for every name
//
// Resource types: the keys of resources.json are fields, webhook, permissions, customActions, targets and channel
// (spec 3), but any name parses and builds, so a type Zoho adds later still works; the resolver rejects what the
// context does not hold.

/** The installation id placeholder's name; any spelling of it in another case is reserved too. */
export const INSTALLATION_ID = "installationId";

/** A config param, resource type or resource name: a letter, then letters, digits or underscores. */
export const NAME_PATTERN: RegExp = /^[A-Za-z]\w*$/;
