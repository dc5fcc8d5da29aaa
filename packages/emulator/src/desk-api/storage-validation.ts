import { STORAGE_LIMITS } from "../constants.js";
import type { StorageRow } from "../store/storage-store.js";
import { parsePaging } from "./paging.js";

/** A storage rule broken by a request: the field and the message. */
export interface StorageIssue {
  fieldName: string;
  message: string;
}

const RULE = `1 to ${STORAGE_LIMITS.keyMaxLength} characters: letters, digits and only , _ : as special characters`;

/** Checks key or queriableValue (spec 2.1); answers the issue or undefined. */
export function checkKeyLike(fieldName: string, value: unknown, where = ""): StorageIssue | undefined {
  if (typeof value !== "string")
    return { fieldName, message: `${where}${fieldName} must be a string of ${RULE}` };
  if (value.length < STORAGE_LIMITS.keyMinLength || value.length > STORAGE_LIMITS.keyMaxLength) {
    return { fieldName, message: `${where}${fieldName} must be ${RULE} (got ${value.length} characters)` };
  }
  if (!STORAGE_LIMITS.keyPattern.test(value)) {
    return { fieldName, message: `${where}${fieldName} must be ${RULE} (got a character outside them)` };
  }
  return undefined;
}

/** Checks one add object; answers the row to store or the issue. */
export function checkStorageObject(item: unknown, where: string): StorageRow | StorageIssue {
  if (typeof item !== "object" || item === null || Array.isArray(item)) {
    return {
      fieldName: "body",
      message: `${where}each storage object must be a JSON object {key, queriableValue, value}`,
    };
  }
  const { key, queriableValue, value } = item as Record<string, unknown>;
  const issue = checkKeyLike("key", key, where) ?? checkKeyLike("queriableValue", queriableValue, where);
  if (issue) return issue;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const got = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
    return { fieldName: "value", message: `${where}value must be a JSON object (got ${got})` };
  }
  const text = JSON.stringify(value);
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > STORAGE_LIMITS.valueMaxBytes) {
    return {
      fieldName: "value",
      message: `${where}value must be at most ${STORAGE_LIMITS.valueMaxBytes} bytes of compact UTF-8 JSON (got ${bytes})`,
    };
  }
  return { key: key as string, queriableValue: queriableValue as string, value: text };
}

/** Parses `from` / `limit` query values (spec 2.1: from counts from 0, default limit 20, max 100). */
export function checkPaging(
  from: string | undefined,
  limit: string | undefined,
): { from: number; limit: number } | StorageIssue {
  return parsePaging(from, limit, {
    defaultLimit: STORAGE_LIMITS.defaultPageSize,
    maxLimit: STORAGE_LIMITS.maxPageSize,
  });
}
