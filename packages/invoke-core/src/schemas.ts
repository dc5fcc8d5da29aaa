// The zod schemas behind the client's checks, for users who validate the same shapes (a proxy, a test double).
// A subpath of their own: the main entry's signatures carry no zod type, so a zod major is not our breaking change.
export { DeskErrorBodySchema } from "./desk-error-body-schema.js";
export { InvokeClientOptionsSchema } from "./invoke-client-options-schema.js";
export { InvokeFormSchema } from "./invoke-form-schema.js";
export { InvokeRequestSchema } from "./invoke-request-schema.js";
export { InvokeResponseSchema } from "./invoke-response-schema.js";
export { WrappedResponseSchema } from "./wrapped-response-schema.js";
