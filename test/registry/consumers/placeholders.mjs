// @desk/placeholders installed alone: build, parse (with a near miss), check locations, resolve.
import {
  checkPlaceholderLocations,
  parsePlaceholders,
  placeholder,
  resolvePlaceholders,
} from "@desk/placeholders";

const url = `https://desk.zoho.com/api/v1/installedExtensions/${placeholder.installationId()}/storage`;
const body = JSON.stringify({ token: placeholder.config("jiraAuthKey") });
const parsed = parsePlaceholders("{{ installationId }} and {{fields.ticketKey.apiName}}");
console.log(
  JSON.stringify({
    url,
    tokens: parsed.placeholders.map((found) => found.placeholder.token),
    nearMisses: parsed.nearMisses.map((miss) => miss.rule),
    issues: checkPlaceholderLocations({ requestURL: url, postBody: body }).length,
    resolved: resolvePlaceholders(url, "requestURL", {
      installationId: "4000000123",
      config: {},
      resources: {},
    }),
  }),
);
