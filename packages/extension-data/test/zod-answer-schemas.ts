// The answer schemas in zod, as the package had them: the reference that answer-shape.ts is held to (answer-shape.test.ts).
import { z } from "zod";

// The answers of the extension-data APIs as spec 2 describes them. Ids may come as numbers or strings; the user
// always gets strings.
const id = z.union([z.string(), z.number()]).transform(String);

export const storageItemSchema = z.object({
  key: z.string(),
  queriableValue: z.string(),
  value: z.record(z.string(), z.unknown()),
});

export const storageListSchema = z.object({ data: z.array(storageItemSchema) });

export const deletedKeysSchema = z.object({ data: z.array(z.string()) });

export const configParamsSchema = z.object({
  data: z.array(z.object({ name: z.string(), value: z.string() })),
});

export const logEntrySchema = z.object({
  logId: id,
  parentLogId: id.nullable().default(null),
  extensionName: z.string(),
  title: z.string(),
  description: z.string(),
  installationId: id,
  logTime: z.string(),
});

export const permissionsSchema = z.object({
  data: z.array(z.object({ apiName: z.string(), isEnabled: z.boolean() })),
});
