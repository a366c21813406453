// The operation-level half of the breaking-change guard, read from the spec's operation facts:
// compat/<line>/operations.json is the facts of the release line (written with `--snapshot`
// when the line is cut); every operation, query parameter and enum value it lists must still be
// there, with the same method and path, and no optional parameter may have become required.
// Snippets prove the names users write still compile; this proves nothing the line served is
// gone, including operations no snippet mentions.

/** What a consumer of the line relies on, per operation. */
function surface(facts) {
  return new Map(
    facts.operations.map((op) => [
      op.operationId,
      {
        method: op.method,
        path: op.path,
        iterator: op.iterator,
        query: new Map(op.queryParameters.map((p) => [p.name, p])),
      },
    ]),
  );
}

/** Every way `current` breaks what `line` offered, one line each (empty: compatible). */
export function breakingChanges(line, current) {
  const before = surface(line);
  const now = surface(current);
  const problems = [];
  for (const [id, op] of before) {
    const next = now.get(id);
    if (!next) {
      problems.push(`operation ${id} (${op.method} ${op.path}) was removed`);
      continue;
    }
    if (next.method !== op.method || next.path !== op.path) {
      problems.push(`${id} moved from ${op.method} ${op.path} to ${next.method} ${next.path}`);
    }
    if (op.iterator && next.iterator !== op.iterator) {
      problems.push(`${id}: its iterator ${op.iterator} is gone`);
    }
    for (const [name, param] of op.query) {
      const nextParam = next.query.get(name);
      if (!nextParam) {
        problems.push(`${id}: query parameter ${name} was removed`);
        continue;
      }
      if (!param.required && nextParam.required) {
        problems.push(`${id}: query parameter ${name} became required`);
      }
      const values = [...(param.enum ?? []), ...(param.jsonArray?.enum ?? [])];
      const nextValues = new Set([...(nextParam.enum ?? []), ...(nextParam.jsonArray?.enum ?? [])]);
      for (const value of new Set(values)) {
        if (!nextValues.has(value))
          problems.push(`${id}: ${name} no longer accepts ${JSON.stringify(value)}`);
      }
    }
  }
  for (const [name, values] of Object.entries(line.enums ?? {})) {
    const nextValues = new Set(current.enums?.[name] ?? []);
    for (const value of values) {
      if (!nextValues.has(value)) problems.push(`enum ${name} lost ${JSON.stringify(value)}`);
    }
  }
  return problems;
}
