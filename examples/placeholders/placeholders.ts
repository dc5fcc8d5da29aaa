import { checkPlaceholderLocations, placeholder, resolvePlaceholders } from "@desk/placeholders";

// Client side: build tokens that cannot be malformed, check them before the round trip.
const url = `https://desk.zoho.com/api/v1/installedExtensions/${placeholder.installationId()}/storage`;
const headers = JSON.stringify({ Authorization: `Bearer ${placeholder.config("jiraAuthKey")}` });
const issues = checkPlaceholderLocations({ requestURL: url, headers }); // [] : all allowed

// Desk side (the emulator): substitute in one pass, JSON-aware.
const context = { installationId: "4000000123", config: { jiraAuthKey: 's3"cret' }, resources: {} };
const resolved = resolvePlaceholders(headers, "headers", context); // '{"Authorization":"Bearer s3\\"cret"}'

console.log(url);
console.log(issues);
console.log(resolved);
