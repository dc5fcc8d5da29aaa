import { z } from "zod";
import { INVOKE_METHODS } from "./invoke-rules.js";

/**
 * The target methods Desk accepts as `requestType`.
 *
 * @example
 * InvokeMethodSchema.parse("GET"); // "GET"
 */
export const InvokeMethodSchema = z.enum(INVOKE_METHODS);
