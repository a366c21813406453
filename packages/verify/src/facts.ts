// The shape of spec/dist/operations.json (written by spec/scripts/facts.mjs), as far as the
// verifier reads it.

/** One parameter of an operation. */
export interface ParameterFacts {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly required: boolean;
  readonly schemaName: string | null;
  readonly type: string | null;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly default?: unknown;
  /** The values of an enum parameter (for a JSON-array parameter: of its bare form). */
  readonly enum: readonly unknown[] | null;
  /** Set when the parameter takes ONE JSON array: the enum of its items. */
  readonly jsonArray: {
    readonly items: string | null;
    readonly enum: readonly unknown[] | null;
  } | null;
  readonly examples: readonly unknown[];
}

/** One operation of the spec. */
export interface OperationFact {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly summary: string;
  readonly list: boolean;
  /** The key of `client.pages` / `client.paginate` for a list operation. */
  readonly iterator: string | null;
  /** `x-required-roles`: the resource whose id the path names, and the roles that may call it. */
  readonly roles: { readonly resource: string; readonly roles: readonly string[] } | null;
  readonly pathParameters: readonly ParameterFacts[];
  readonly queryParameters: readonly ParameterFacts[];
  readonly pageSchema: string | null;
  readonly itemSchema: string | null;
  readonly responses: readonly string[];
}

export interface OperationFacts {
  readonly specVersion: string;
  readonly specSha256: string;
  readonly operations: readonly OperationFact[];
}

/**
 * The resources whose ids the operations take (`course`, `event`), in the spec's order: each
 * becomes a `--<resource> <id>` flag.
 */
export function resourcesOf(facts: OperationFacts): string[] {
  const resources: string[] = [];
  for (const operation of facts.operations) {
    const resource = operation.roles?.resource;
    if (resource && !resources.includes(resource)) resources.push(resource);
  }
  return resources;
}
