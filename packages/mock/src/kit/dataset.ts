// The seeded world behind every answer: users, courses 1..6 with members in every join status,
// events 1..4 with pending invitations. Pure function of the seed (see random.ts).
import type {
  CourseMember,
  Dataset,
  JoinStatus,
  MockCourse,
  MockEvent,
  MockTag,
  MockUser,
} from "./model.js";
import {
  BIOS,
  CITIES,
  COMPANIES,
  COURSE_TITLES,
  EVENT_TITLES,
  FAMILY_NAMES,
  GIVEN_NAMES,
  LANGUAGES,
  NON_LATIN_NAMES,
  ROLES,
  TAG_NAMES,
} from "./names.js";
import { createRandom, type Random } from "./random.js";
import { formatTimestamp } from "./timestamps.js";

/** Options of {@link createDataset}. */
export interface DatasetOptions {
  /** Seed of the pseudo-random generator; the same seed always gives the same dataset. Default `1`. */
  seed?: number;
}

const USER_COUNT = 320;
const MEDIA = "https://community.example.com/media";
/** Offsets (minutes east of UTC) the timestamps use; Central Europe weighs more, as in real data. */
const OFFSETS = [60, 60, 120, 120, 0, -300, 330, 540, -180, 60];
const micros = (iso: string): number => Date.parse(iso) * 1000;
const NOW = micros("2026-03-04T12:00:00Z");

type StatusOrNone = JoinStatus | "none";
interface CoursePlan {
  readonly size: number;
  readonly managers: number;
  readonly lessons: number;
  readonly opensAt: string;
  /** Relative weights of the statuses drawn after the guaranteed ones. */
  readonly weights: Partial<Record<StatusOrNone, number>>;
  /** Statuses placed once each before the weighted draw, so they surely occur. */
  readonly guaranteed?: readonly StatusOrNone[];
  /** Members of status `joined` who share one `joined_at` instant (a bulk enrolment). */
  readonly bulkEnrolled?: number;
  /** Members of status `joined` with no `joined_at` (imported before it was recorded). */
  readonly withoutJoinDate?: number;
}

const COURSE_PLANS: readonly CoursePlan[] = [
  {
    size: 150,
    managers: 3,
    lessons: 3,
    opensAt: "2024-02-01T09:00:00Z",
    weights: { joined: 70, invited: 12, requested: 7, payment_waiting: 4, none: 4 },
    guaranteed: ["joined", "invited", "requested", "payment_waiting", "none"],
    bulkEnrolled: 6,
    withoutJoinDate: 2,
  },
  {
    size: 64,
    managers: 2,
    lessons: 8,
    opensAt: "2024-09-15T09:00:00Z",
    weights: { joined: 75, invited: 15, requested: 5, none: 5 },
  },
  {
    size: 23,
    managers: 1,
    lessons: 6,
    opensAt: "2025-01-10T09:00:00Z",
    weights: { joined: 80, invited: 20 },
  },
  {
    size: 9,
    managers: 1,
    lessons: 12,
    opensAt: "2025-06-01T09:00:00Z",
    weights: { joined: 60, requested: 40 },
  },
  {
    size: 40,
    managers: 1,
    lessons: 7,
    opensAt: "2025-03-01T09:00:00Z",
    weights: { joined: 40, payment_waiting: 45, invited: 15 },
  },
  { size: 1, managers: 0, lessons: 5, opensAt: "2026-02-20T09:00:00Z", weights: {} },
];
const EVENT_INVITATIONS = [45, 12, 1, 0];

/** Builds the dataset for a seed. Cheap (a few ms); call it once and share the result. */
export function createDataset(options: DatasetOptions = {}): Dataset {
  const seed = options.seed ?? 1;
  const random = createRandom(seed);
  const users = createUsers(random);
  const courses = COURSE_PLANS.map((plan, index) => createCourse(random, users, plan, index + 1));
  const events: MockEvent[] = EVENT_INVITATIONS.map((size, index) => ({
    id: index + 1,
    title: EVENT_TITLES[index] ?? `Event ${index + 1}`,
    invited_user_ids: random
      .shuffle(users)
      .slice(0, size)
      .map((user) => user.id)
      .sort((a, b) => a - b),
  }));
  return { seed, users, courses, events };
}

function timestamp(random: Random, epochMicros: number): string {
  return formatTimestamp(epochMicros, random.pick(OFFSETS));
}

function between(random: Random, from: number, to: number): number {
  return from + Math.floor(random.next() * (to - from));
}

/** Folds a name to the characters a username may hold (letters, digits, `-`, `_`). */
function fold(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .replace(/ø/g, "o")
    .replace(/ß/g, "ss")
    .replace(/ı/g, "i")
    .replace(/[^A-Za-z0-9]/g, "");
}

function usernameFor(random: Random, given: string, family: string, id: number): string {
  const g = fold(given);
  const f = fold(family);
  if (g === "" || f === "") return `user${id}`;
  const lower = (s: string) => s.toLowerCase();
  switch (random.int(0, 4)) {
    case 0:
      return `${lower(g)}_${lower(f)}`;
    case 1:
      return `${lower(g)}-${lower(f)}`;
    case 2:
      return `${lower(g)}${lower(f)}${random.int(1, 99)}`;
    case 3:
      return `${lower(g).slice(0, 1)}_${lower(f)}`;
    default:
      return `${g}${f}`;
  }
}

function createUsers(random: Random): MockUser[] {
  const users: MockUser[] = [];
  const taken = new Set<string>();
  let id = 1000;
  for (let i = 0; i < USER_COUNT; i++) {
    id += random.int(1, 7);
    const nonLatin = random.chance(0.04);
    const person = nonLatin ? random.pick(NON_LATIN_NAMES) : random.pick(GIVEN_NAMES);
    const family = nonLatin ? "" : random.pick(FAMILY_NAMES);
    let username = nonLatin ? `user${id}` : usernameFor(random, person.name, family, id);
    if (taken.has(username.toLowerCase())) username = `${username}_${id}`;
    taken.add(username.toLowerCase());
    const roll = random.next();
    const realName = nonLatin
      ? person.name
      : roll < 0.1
        ? ""
        : roll < 0.15
          ? person.name
          : `${person.name} ${family}`;
    const city = random.chance(0.7) ? random.pick(CITIES) : undefined;
    const employed = random.chance(0.6);
    const tags: MockTag[] = random.chance(0.2)
      ? [random.int(0, TAG_NAMES.length - 1)].map((t) => ({
          id: t + 1,
          type: "user",
          name: TAG_NAMES[t]?.name ?? "Tag",
          description: random.chance(0.5) ? null : "Given by the community team.",
          color: TAG_NAMES[t]?.color ?? "#000000",
          visible: true,
          visibility_boost: random.chance(0.3),
          active: true,
          deleted: false,
          created_at: timestamp(random, micros("2023-11-02T08:15:00Z") + t * 86_400_000_000),
        }))
      : [];
    users.push({
      id,
      username,
      real_name: realName,
      avatar: random.chance(0.7) ? `${MEDIA}/avatars/${id}.${random.pick(["png", "jpg"])}` : null,
      ext_id: random.chance(0.55)
        ? random.chance(0.5)
          ? `crm-${random.int(1000, 99999)}`
          : `${id}-sso`
        : null,
      followings_counter: random.int(0, 300),
      followers_counter: random.int(0, 800),
      posts_counter: random.int(0, 120),
      discussions_counter: random.int(0, 30),
      polls_counter: random.int(0, 5),
      categories_counter: random.int(0, 12),
      connection_status: random.pick([
        null,
        null,
        "followed",
        "connected",
        "sent_connection_request",
        "received_connection_request",
      ] as const),
      date_joined: timestamp(
        random,
        between(random, micros("2019-01-01T00:00:00Z"), micros("2025-12-31T00:00:00Z")),
      ),
      bio: random.chance(0.6) ? "" : random.pick(BIOS),
      location: city?.name ?? "",
      location_lat_lng: city && random.chance(0.5) ? city.latLng : null,
      position_lat_lng: null,
      date_of_birth: random.chance(0.5)
        ? `${random.int(1950, 2006)}-${String(random.int(1, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`
        : null,
      description: employed ? random.pick(ROLES) : "",
      gender: person.gender,
      website: random.chance(0.8) ? "" : `https://example.org/~${username}`,
      cover: random.chance(0.8) ? null : `${MEDIA}/covers/${id}.jpg`,
      tags,
      reputation: random.int(0, 2500),
      community_badge: random.chance(0.1),
      reg_approved: random.chance(0.97),
      deleted: false,
      company_name: employed ? random.pick(COMPANIES) : null,
      company_role: employed && random.chance(0.7) ? random.pick(ROLES) : null,
      language: random.pick(LANGUAGES),
    });
  }
  return users;
}

function drawStatus(random: Random, weights: Partial<Record<StatusOrNone, number>>): StatusOrNone {
  const entries = Object.entries(weights) as [StatusOrNone, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let roll = random.next() * total;
  for (const [status, weight] of entries) {
    roll -= weight;
    if (roll < 0) return status;
  }
  return "joined";
}

function completionRate(random: Random, lessons: number): number {
  const done = random.chance(0.2) ? 0 : random.int(0, lessons);
  return Math.round((done / lessons) * 10_000) / 100;
}

function createCourse(
  random: Random,
  users: readonly MockUser[],
  plan: CoursePlan,
  id: number,
): MockCourse {
  const chosen = random.shuffle(users).slice(0, plan.size);
  const opens = micros(plan.opensAt);
  const statuses: StatusOrNone[] = chosen.map((_, i) => {
    if (i === 0) return "creator";
    if (i <= plan.managers) return "manager";
    const guaranteed = plan.guaranteed?.[i - plan.managers - 1];
    return guaranteed ?? drawStatus(random, plan.weights);
  });
  const bulkInstant = between(random, opens, NOW);
  let bulkLeft = plan.bulkEnrolled ?? 0;
  let undatedLeft = plan.withoutJoinDate ?? 0;
  const members: CourseMember[] = chosen.map((user, i) => {
    const status = statuses[i] ?? "joined";
    const join_status = status === "none" ? null : status;
    const pending = status === "invited" || status === "requested";
    let joinedMicros: number | null = pending ? null : between(random, opens, NOW);
    if (status === "creator") joinedMicros = opens;
    else if (status === "joined" && i % 5 === 1 && bulkLeft > 0) {
      bulkLeft--;
      joinedMicros = bulkInstant;
    } else if (status === "joined" && i % 7 === 3 && undatedLeft > 0) {
      undatedLeft--;
      joinedMicros = null;
    }
    const rate = pending ? 0 : completionRate(random, plan.lessons);
    const activeFrom = joinedMicros ?? opens;
    return {
      user_id: user.id,
      join_status,
      user_completion_rate: rate,
      joined_at: joinedMicros === null ? null : timestamp(random, joinedMicros),
      last_active_at: rate === 0 ? null : timestamp(random, between(random, activeFrom, NOW)),
    };
  });
  return { id, title: COURSE_TITLES[id - 1] ?? `Course ${id}`, members };
}
