import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { createDataset } from "../src/kit/dataset.js";
import { OPERATIONS } from "../src/kit/generated/operations.js";
import { indexDataset } from "../src/kit/lists.js";
import { JOIN_STATUSES } from "../src/kit/model.js";
import { tokenGuide } from "../src/kit/tokens.js";

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}[+-]\d{2}:\d{2}$/;

describe("createDataset", () => {
  const dataset = createDataset({ seed: 1 });
  const members = dataset.courses.flatMap((c) => c.members);

  test("is deterministic per seed and differs across seeds", () => {
    expect(createDataset({ seed: 1 })).toEqual(dataset);
    expect(createDataset()).toEqual(dataset);
    const other = createDataset({ seed: 2 });
    expect(other.users.map((u) => u.username)).not.toEqual(dataset.users.map((u) => u.username));
  });

  test("has courses 1..6, events 1..4 and a few hundred users with unique ids and usernames", () => {
    expect(dataset.courses.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(dataset.events.map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect(dataset.users.length).toBeGreaterThanOrEqual(200);
    expect(new Set(dataset.users.map((u) => u.id)).size).toBe(dataset.users.length);
    const lower = dataset.users.map((u) => u.username.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
    for (const user of dataset.users) expect(user.username).toMatch(/^[A-Za-z0-9_-]{1,255}$/);
  });

  test("names are varied and include non-ASCII ones", () => {
    const names = dataset.users.map((u) => u.real_name);
    expect(names.some((n) => /[^ -~]/.test(n))).toBe(true);
    expect(names.some((n) => n === "")).toBe(true);
    expect(new Set(names).size).toBeGreaterThan(150);
    for (const probe of ["Zoë", "Łukasz", "Jürgen"]) {
      // Across a few seeds every probe name shows up (the pools are shared by all seeds).
      const seen = [1, 2, 3].some((seed) =>
        createDataset({ seed }).users.some((u) => u.real_name.includes(probe)),
      );
      expect(seen, probe).toBe(true);
    }
  });

  test("every join status, and null, occurs; course 1 alone has them all", () => {
    const course1 = new Set(dataset.courses[0]?.members.map((m) => m.join_status));
    for (const status of [...JOIN_STATUSES, null])
      expect(course1.has(status), String(status)).toBe(true);
  });

  test("stats look like real payloads: fractions, nulls, offsets and microseconds", () => {
    const rates = members.map((m) => m.user_completion_rate);
    expect(rates.some((r) => !Number.isInteger(r))).toBe(true);
    expect(rates.every((r) => r >= 0 && r <= 100)).toBe(true);
    expect(members.some((m) => m.last_active_at === null)).toBe(true);
    expect(members.some((m) => m.join_status === "joined" && m.joined_at === null)).toBe(true);
    const stamps = members
      .flatMap((m) => [m.joined_at, m.last_active_at])
      .filter((s) => s !== null);
    for (const stamp of stamps) expect(stamp).toMatch(TIMESTAMP);
    expect(new Set(stamps.map((s) => s.slice(-6))).size).toBeGreaterThan(3);
  });

  test("some members share a join instant, so ordering needs its id tie-break", () => {
    const instants = members
      .filter((m) => m.joined_at !== null)
      .map((m) => Date.parse(m.joined_at as string) * 1000 + Number(m.joined_at?.slice(23, 26)));
    expect(new Set(instants).size).toBeLessThan(instants.length);
  });

  test("users carry custom fields and string-or-null ext_id", () => {
    const users = dataset.users;
    expect(users.some((u) => typeof u.company_name === "string")).toBe(true);
    expect(users.some((u) => u.company_role === null)).toBe(true);
    expect(users.some((u) => u.ext_id === null)).toBe(true);
    expect(users.every((u) => u.ext_id === null || typeof u.ext_id === "string")).toBe(true);
  });

  test("sizes leave room for paging and for empty lists", () => {
    expect(dataset.courses[0]?.members.length).toBeGreaterThan(100);
    expect(dataset.events[0]?.invited_user_ids.length).toBeGreaterThan(20);
    expect(dataset.events[3]?.invited_user_ids).toEqual([]);
    expect(dataset.courses[5]?.members.map((m) => m.join_status)).toEqual(["creator"]);
  });
});

describe("the README's data line and the token guide", () => {
  const ids = indexDataset(createDataset({ seed: 1 })).ids;
  const range = (set: ReadonlySet<number>) => `${Math.min(...set)}-${Math.max(...set)}`;

  test("the README states the dataset's id ranges, which are contiguous", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    for (const set of [ids.course, ids.event]) expect(set.size).toBe(Math.max(...set));
    expect(readme).toContain(
      `**Data**: courses ${range(ids.course)} and events ${range(ids.event)} (any other id: 404)`,
    );
  });

  test("the token guide lists every operation under each role the spec requires", () => {
    const guide = tokenGuide(ids);
    for (const [operationId, { roles }] of Object.entries(OPERATIONS)) {
      for (const role of roles.roles) {
        const line = guide.find((l) => l.includes(`${roles.resource}-<id>-${role}`)) ?? "";
        expect(line).toContain(operationId);
        expect(line).toContain(`(ids ${range(ids[roles.resource])})`);
      }
      const member = guide.find((l) => l.startsWith(`${roles.resource}-<id>-member`)) ?? "";
      expect(member).toContain("403 on every list");
    }
  });
});
