/**
 * The part of the Standard Schema interface (https://standardschema.dev) a typed storage view needs. zod 4 schemas
 * (classic and mini) implement it, and so do valibot and arktype.
 *
 * @example
 * const schema: StandardSchema<{ state: string }> = z.object({ state: z.string() });
 */
export interface StandardSchema<Output = unknown> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?: { readonly input: unknown; readonly output: Output } | undefined;
  };
}

/**
 * A Standard Schema validation result.
 *
 * @example
 * const result: StandardResult<{ a: number }> = await schema["~standard"].validate(input);
 */
export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | {
      readonly issues: ReadonlyArray<{
        readonly message: string;
        readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
      }>;
    };
