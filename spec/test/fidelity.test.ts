import { describe, expect, it } from "vitest";
import { deref, type Json, loadBundle } from "./bundle.js";

// The facts of the three seed reference pages and the API facts they link to, written into
// the test itself (the project never reads the source documents at run time).
const JOIN_STATUSES = ["creator", "manager", "joined", "invited", "requested", "payment_waiting"];
const ORDERINGS = ["joined_at", "-joined_at", "last_active_at", "-last_active_at"];
const FIVE_FIELDS = ["id", "username", "real_name", "ext_id", "avatar"];

type ParamFact = {
  in: string;
  required: boolean;
  type: string;
  default?: unknown;
  enum?: unknown[];
};
const PAGING: Record<string, ParamFact> = {
  limit: { in: "query", required: false, type: "integer" },
  offset: { in: "query", required: false, type: "integer", default: 0 },
};
const OPERATIONS: Record<
  string,
  {
    path: string;
    operationId: string;
    summary: string;
    tag: string;
    roles: { resource: string; roles: string[] };
    params: Record<string, ParamFact>;
    itemSchema: string;
    itemFields: string[];
  }
> = {
  courseInvite: {
    path: "/api/v2/course/{id}/invite/",
    operationId: "getCourseInvitedUsers",
    summary: "Get Course Invited Users",
    tag: "Course",
    roles: { resource: "course", roles: ["creator", "manager"] },
    params: { id: { in: "path", required: true, type: "string" }, ...PAGING },
    itemSchema: "CourseInvitedUser",
    itemFields: ["id", "username", "real_name", "ext_id", "avatar"],
  },
  eventInvite: {
    path: "/api/v2/event/{id}/invite/",
    operationId: "getEventInvitedUsers",
    summary: "Get Event Invited Users",
    tag: "Event",
    roles: { resource: "event", roles: ["manager"] },
    params: { id: { in: "path", required: true, type: "string" }, ...PAGING },
    itemSchema: "EventInvitedUser",
    itemFields: ["id", "username", "real_name", "ext_id", "avatar"],
  },
  dashboard: {
    path: "/api/v2/course/{id}/users/",
    operationId: "getCourseDashboardUsers",
    summary: "Get Course Dashboard Users",
    tag: "Course",
    roles: { resource: "course", roles: ["creator", "manager"] },
    params: {
      id: { in: "path", required: true, type: "string" },
      ...PAGING,
      search: { in: "query", required: false, type: "string" },
      statuses: { in: "query", required: false, type: "string", default: '["manager","joined"]' },
      ordering: {
        in: "query",
        required: false,
        type: "string",
        default: "-joined_at",
        enum: ORDERINGS,
      },
    },
    itemSchema: "CourseUserDashboard",
    itemFields: [
      "id",
      "username",
      "real_name",
      "avatar",
      "join_status",
      "user_completion_rate",
      "last_active_at",
      "joined_at",
    ],
  },
};

const doc = loadBundle();
const schemas = doc.components.schemas;

/** The type of a schema, following refs and the string branch of an anyOf. */
function typeOf(schema: Json): string {
  const s = deref(doc, schema);
  if (s.type) return Array.isArray(s.type) ? s.type.filter((t: string) => t !== "null")[0] : s.type;
  if (s.anyOf) return typeOf(s.anyOf[0]);
  throw new Error(`no type in ${JSON.stringify(s)}`);
}

/**
 * The object part of a component schema that states its required fields: the schema itself, or
 * the `allOf` part that holds `required` and `properties` (EventInvitedUser), with its pointer.
 */
function ownObject(name: string): { pointer: string; schema: Json } {
  const schema = schemas[name];
  if (schema.required) return { pointer: `#/components/schemas/${name}`, schema };
  const index = (schema.allOf ?? []).findIndex((part: Json) => part.required);
  if (index < 0) throw new Error(`${name} requires nothing`);
  return { pointer: `#/components/schemas/${name}/allOf/${index}`, schema: schema.allOf[index] };
}

describe("spec fidelity to the seed pages", () => {
  it("declares exactly the three GET operations", () => {
    const ops = Object.entries<Json>(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(ops.sort()).toEqual(
      Object.values(OPERATIONS)
        .map((o) => `GET ${o.path}`)
        .sort(),
    );
    expect(doc.openapi).toBe("3.1.0");
  });

  describe.each(Object.entries(OPERATIONS))("%s", (_key, fact) => {
    const op = doc.paths[fact.path].get;
    const params: Json[] = op.parameters.map((p: Json) => deref(doc, p));

    it("has the seed's operationId, summary, tag and role requirement", () => {
      expect(op.operationId).toBe(fact.operationId);
      expect(op.summary).toBe(fact.summary);
      expect(op.tags).toEqual([fact.tag]);
      expect(op["x-required-roles"]).toEqual(fact.roles);
      for (const role of fact.roles.roles) expect(op.description).toContain(`\`${role}\``);
    });

    it("has every seed parameter with its location, requiredness, type, default and enum", () => {
      expect(params.map((p) => p.name).sort()).toEqual(Object.keys(fact.params).sort());
      for (const [name, expected] of Object.entries(fact.params)) {
        const p = params.find((x) => x.name === name);
        expect(p.in, name).toBe(expected.in);
        expect(p.required ?? false, name).toBe(expected.required);
        expect(typeOf(p.schema), name).toBe(expected.type);
        expect(p.description, name).toBeTruthy();
        const schema = deref(doc, p.schema);
        if ("default" in expected) expect(schema.default, name).toEqual(expected.default);
        if (expected.enum) expect(schema.enum, name).toEqual(expected.enum);
      }
    });

    it("bounds limit >= 1 and offset >= 0 and types id as digits", () => {
      const byName = Object.fromEntries(params.map((p) => [p.name, deref(doc, p.schema)]));
      expect(byName.limit.minimum).toBe(1);
      expect(byName.offset.minimum).toBe(0);
      expect(new RegExp(byName.id.pattern).test("42")).toBe(true);
      for (const bad of ["abc", "4.2", "-1", "", "42abc"]) {
        expect(new RegExp(byName.id.pattern).test(bad), bad).toBe(false);
      }
    });

    it("returns the count/next/previous/results envelope of the seed's item type", () => {
      const schema = deref(doc, op.responses["200"].content["application/json"].schema);
      const envelope = deref(doc, schema.allOf[0]);
      expect(Object.keys(envelope.properties).sort()).toEqual(["count", "next", "previous"]);
      expect(envelope.properties.count.type).toBe("integer");
      for (const link of ["next", "previous"]) {
        expect(envelope.properties[link].type).toEqual(["string", "null"]);
        expect(envelope.properties[link].format).toBe("uri");
      }
      const results = schema.allOf[1].properties.results;
      expect(results.type).toBe("array");
      expect(results.items.$ref).toBe(`#/components/schemas/${fact.itemSchema}`);
      expect(ownObject(fact.itemSchema).schema.required).toEqual(fact.itemFields);
    });

    it("describes its 200 response by what it returns (the seed's is an empty 'Response status code')", () => {
      const ok = op.responses["200"];
      const page = ok.content["application/json"].schema.$ref.split("/").pop();
      expect(ok.description).not.toMatch(/^Response status code/);
      expect(ok.description).toContain(`\`${page}\``);
    });

    it("offers error examples that fit the operation: its own parameters and roles", () => {
      const names = params.map((p) => p.name);
      for (const example of Object.values<Json>(
        deref(doc, op.responses["400"]).content["application/json"].examples,
      )) {
        for (const error of deref(doc, example).value.errors ?? []) {
          if (error.field !== undefined)
            expect(names, JSON.stringify(error)).toContain(error.field);
        }
      }
      const allRoles = new Set(Object.values(OPERATIONS).flatMap((o) => o.roles.roles));
      for (const example of Object.values<Json>(
        deref(doc, op.responses["403"]).content["application/json"].examples,
      )) {
        const words: string[] =
          deref(doc, example)
            .summary.toLowerCase()
            .match(/[a-z]+/g) ?? [];
        for (const role of words.filter((word) => allRoles.has(word))) {
          expect(fact.roles.roles, `403 example "${example.summary}"`).toContain(role);
        }
      }
    });

    it("documents 400, 401, 403, 404, 429 and 5XX with the shared error body", () => {
      expect(Object.keys(op.responses).sort()).toEqual([
        "200",
        "400",
        "401",
        "403",
        "404",
        "429",
        "5XX",
      ]);
      for (const status of ["400", "401", "403", "404", "429", "5XX"]) {
        const response = deref(doc, op.responses[status]);
        expect(response.content["application/json"].schema.$ref, status).toBe(
          "#/components/schemas/ErrorBody",
        );
      }
    });
  });

  it("lists only the five fields for a course invitation and a full User for an event one, saying why", () => {
    const text = (schema: Json) => schema.description.replace(/\s+/g, " ");
    const course = schemas.CourseInvitedUser;
    expect(Object.keys(course.properties)).toEqual(FIVE_FIELDS);
    expect(course.allOf).toBeUndefined();
    expect(text(course)).toMatch(
      /contains only `id`, `username`, `real_name`, `ext_id` and `avatar`/,
    );
    const event = schemas.EventInvitedUser;
    // Its own part first: Redoc takes a field's description from the first part that has it.
    expect(event.allOf[1]).toEqual({ $ref: "#/components/schemas/User" });
    const own = ownObject("EventInvitedUser").schema;
    expect(Object.keys(own.properties)).toEqual(FIVE_FIELDS);
    expect(text(event)).toMatch(/example response shows a full `User`/);
    // Re-listed beside `required` for generators: the course's typed exactly as in User (it has
    // no allOf), the event's with User's types (User's bounds apply through the allOf).
    for (const [name, property] of Object.entries<Json>(course.properties)) {
      // Description and provenance are the item's own (the course page lists these five).
      const { description: _own, "x-source": _ownSource, ...fields } = property;
      const {
        description: _user,
        "x-source": _userSource,
        ...user
      } = schemas.User.properties[name];
      expect(fields, `CourseInvitedUser.${name}`).toEqual(user);
    }
    for (const [name, property] of Object.entries<Json>(own.properties)) {
      expect(property.type, `EventInvitedUser.${name}`).toEqual(schemas.User.properties[name].type);
    }
  });

  it("starts every inferred statement's description with '(inferred', where Redoc shows it", () => {
    const at = (pointer: string): Json =>
      pointer
        .slice(2)
        .split("/")
        .map((key) => key.replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce((node: Json, key) => deref(doc, node)?.[key], doc);
    const inferred = (pointer: string, what?: RegExp) => {
      const node = at(pointer);
      const text = typeof node === "string" ? node : deref(doc, node)?.description;
      expect(text, pointer).toMatch(/^\(inferred\b/);
      if (what) expect(text.replace(/\s+/g, " "), pointer).toMatch(what);
    };
    // The reference marks no envelope or item field as required: every required one is inferred.
    for (const fact of Object.values(OPERATIONS)) {
      const page = doc.paths[fact.path].get.responses["200"].content["application/json"].schema;
      const pagePointer = page.$ref;
      for (const field of deref(doc, deref(doc, page).allOf[0]).required) {
        inferred(`#/components/schemas/PageEnvelope/properties/${field}`, /required/);
      }
      inferred(`${pagePointer}/allOf/1/properties/results`, /required/);
      const item = ownObject(fact.itemSchema);
      for (const field of item.schema.required) {
        inferred(`${item.pointer}/properties/${field}`, /required/);
      }
    }
    // Ids are at least 1; a percentage lies in 0..100; offset defaults to 0; limit is at least 1.
    for (const schema of [
      "User",
      "Tag",
      "CourseUserDashboard",
      "CourseInvitedUser",
      "EventInvitedUser",
    ]) {
      const { pointer, schema: own } = schemas[schema].properties
        ? { pointer: `#/components/schemas/${schema}`, schema: schemas[schema] }
        : ownObject(schema);
      expect(own.properties.id.minimum ?? schemas.User.properties.id.minimum, schema).toBe(1);
      inferred(`${pointer}/properties/id`, /at least 1/);
    }
    inferred("#/components/schemas/CourseUserDashboard/properties/user_completion_rate", /0–100/);
    inferred("#/components/parameters/Offset", /default 0/);
    inferred("#/components/parameters/Limit", /minimum 1/);
    inferred("#/components/parameters/Ordering", /`-` forms/);
    for (const id of ["CourseId", "EventId"])
      inferred(`#/components/parameters/${id}`, /18 digits/);
    // No page documents an error body, nor Retry-After.
    for (const response of Object.keys(doc.components.responses)) {
      inferred(`#/components/responses/${response}`, /body/);
    }
    inferred("#/components/responses/TooManyRequests", /Retry-After/);
    inferred("#/components/headers/RetryAfter");
    // The reference names the OAuth scopes but not which operation needs `read`.
    for (const flow of Object.keys(doc.components.securitySchemes.oauth2.flows)) {
      inferred(`#/components/securitySchemes/oauth2/flows/${flow}/scopes/read`);
    }
    for (const fact of Object.values(OPERATIONS)) {
      expect(doc.paths[fact.path].get.description).toMatch(
        /\(inferred: the scope\) .*`read` scope/,
      );
    }
    for (const value of ["-joined_at", "-last_active_at"]) {
      inferred(`#/components/schemas/DashboardOrdering/x-enumDescriptions/${value}`);
    }
  });

  it("gives each ordering's meaning as structured data (the seed's Enumerated Values)", () => {
    const ordering = schemas.DashboardOrdering;
    expect(Object.keys(ordering["x-enumDescriptions"])).toEqual(ordering.enum);
    expect(ordering["x-enumDescriptions"].joined_at).toMatch(/^Order by joined_at datetime/);
    expect(ordering["x-enumDescriptions"].last_active_at).toMatch(
      /^Order by last_active_at datetime/,
    );
    expect(Object.keys(schemas.JoinStatus["x-enumDescriptions"])).toEqual(JOIN_STATUSES);
  });

  it("accepts statuses as ONE parameter holding a bare status or a JSON array", () => {
    const param = deref(doc, doc.components.parameters.Statuses);
    expect(param.style ?? "form").toBe("form");
    const filter = deref(doc, param.schema);
    const [bare, jsonArray] = filter.anyOf.map((s: Json) => deref(doc, s));
    expect(bare.enum).toEqual(JOIN_STATUSES);
    const pattern = new RegExp(jsonArray.pattern);
    expect(pattern.test('["joined","manager"]')).toBe(true);
    expect(pattern.test('["creator"]')).toBe(true);
    expect(pattern.test('["joined","bogus"]')).toBe(false);
    expect(pattern.test("joined,manager")).toBe(false);
    expect(pattern.test("[]")).toBe(false);
    expect(param.description).toMatch(/not\*\* the OpenAPI default/);
  });

  it("says which required fields the reference does not mark as required (inferred)", () => {
    // The reference marks no envelope, dashboard or invited-user field as required; the spec
    // requires them, and each schema must say that this is an inference.
    for (const name of [
      "PageEnvelope",
      "CourseUserDashboard",
      "CourseInvitedUser",
      "EventInvitedUser",
    ]) {
      expect(ownObject(name).schema.required.length, name).toBeGreaterThan(0);
      const description = schemas[name].description.replace(/\s+/g, " ");
      expect(description, name).toMatch(/marks? (its fields as not required|none as required)/);
      expect(description, name).toMatch(/\(inferred/);
    }
  });

  it("types the dashboard item fields as the facts say", () => {
    const item = schemas.CourseUserDashboard.properties;
    expect(item.id.type).toBe("integer");
    expect(item.user_completion_rate.type).toBe("number");
    expect(item.last_active_at.type).toEqual(["string", "null"]);
    expect(item.last_active_at.format).toBe("date-time");
    expect(item.joined_at.type).toEqual(["string", "null"]);
    expect(item.avatar.type).toEqual(["string", "null"]);
    expect(item.join_status.anyOf).toEqual([
      { $ref: "#/components/schemas/JoinStatus" },
      { type: "null" },
    ]);
    expect(schemas.JoinStatus.enum).toEqual(JOIN_STATUSES);
  });

  it("types the full User as the facts say, allowing custom fields", () => {
    const user = schemas.User;
    expect(user.additionalProperties).toBe(true);
    expect(user.required).toBeUndefined();
    const p = user.properties;
    const expected: Record<string, unknown> = {
      id: "integer",
      username: "string",
      real_name: "string",
      avatar: ["string", "null"],
      ext_id: ["string", "integer", "null"],
      followings_counter: ["integer", "null"],
      followers_counter: ["integer", "null"],
      posts_counter: ["integer", "null"],
      discussions_counter: ["integer", "null"],
      polls_counter: ["integer", "null"],
      categories_counter: ["integer", "null"],
      connection_status: ["string", "null"],
      date_joined: "string",
      bio: "string",
      location: "string",
      location_lat_lng: ["string", "null"],
      position_lat_lng: ["string", "null"],
      date_of_birth: ["string", "null"],
      description: "string",
      gender: "string",
      website: "string",
      cover: ["string", "null"],
      tags: "array",
      reputation: "integer",
      community_badge: "boolean",
      reg_approved: "boolean",
      company_name: ["string", "null"],
      company_role: ["string", "null"],
      deleted: "boolean",
      deleted_at: "string",
      can_send_pm_to: "boolean",
      language: "string",
    };
    expect(Object.keys(p).sort()).toEqual(Object.keys(expected).sort());
    for (const [field, type] of Object.entries(expected))
      expect(p[field].type, field).toEqual(type);
    expect(p.username.maxLength).toBe(255);
    expect(p.location.maxLength).toBe(100);
    expect(p.description.maxLength).toBe(50);
    expect(p.date_joined.format).toBe("date-time");
    expect(p.date_of_birth.format).toBe("date");
    expect(p.gender.enum).toEqual(["Male", "Female", "Unspecified"]);
    expect(p.gender.default).toBe("Unspecified");
    expect(p.connection_status.enum).toEqual([
      "followed",
      "connected",
      "sent_connection_request",
      "received_connection_request",
      null,
    ]);
    expect(p.ext_id.description).toMatch(/integer/);
    expect(p.ext_id.description).toMatch(/2026/);
  });

  it("types Tag as the facts say", () => {
    const tag = schemas.Tag;
    expect(tag.required).toEqual(["type", "name"]);
    expect(tag.properties.type.enum).toEqual(["user", "category", "contribution"]);
    expect(tag.properties.name.maxLength).toBe(64);
    expect(tag.properties.description.maxLength).toBe(500);
  });

  it("accepts both documented error shapes", () => {
    const body = schemas.ErrorBody;
    expect(body.anyOf.map((s: Json) => s.$ref)).toEqual([
      "#/components/schemas/ErrorList",
      "#/components/schemas/ErrorDetail",
    ]);
    expect(schemas.FieldError.required).toEqual(["field", "messages"]);
    expect(schemas.ErrorItem.required).toEqual(["code", "message"]);
  });

  it("offers bearer (JWT) and OAuth 2.0 as alternatives, and a per-community server", () => {
    expect(doc.security).toEqual([{ bearerAuth: [] }, { oauth2: ["read"] }]);
    const { bearerAuth, oauth2 } = doc.components.securitySchemes;
    expect(bearerAuth).toMatchObject({ type: "http", scheme: "bearer", bearerFormat: "JWT" });
    expect(oauth2.flows.authorizationCode.authorizationUrl).toBe("/oauth/authorize/");
    expect(oauth2.flows.authorizationCode.tokenUrl).toBe("/oauth/token/");
    expect(oauth2.flows.implicit.authorizationUrl).toBe("/oauth/authorize/");
    expect(oauth2.flows.password.tokenUrl).toBe("/oauth/token/");
    expect(Object.keys(oauth2.flows.password.scopes)).toEqual(["read", "write"]);
    expect(doc.servers[0].url).toBe("https://{community}");
    expect(doc.servers[0].variables.community.default).toBeTruthy();
  });
});
