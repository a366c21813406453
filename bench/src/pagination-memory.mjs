// Child process of the pagination benchmark: walks every member of the served course once and
// prints one JSON line with how far memory grew above its level after warm-up.
//   node --expose-gc pagination-memory.mjs <baseUrl> <ours|raw|collect> <pageSize> <rss|live>
// `rss`:  peak resident set, sampled after every page, GC left alone: what a user would see.
// `live`: peak heap still in use after a full GC every 10 pages: what the walk keeps alive.
//         (V8 collects the old generation lazily, so the plain peak also counts garbage that
//         has simply not been collected yet; forcing GC separates the two.)
// `collect` is the control: a raw walk that keeps every user, i.e. what NOT streaming costs.
// It proves the measurement can see growth that scales with the number of pages.
import { clientWalker, rawWalk } from "./pagination-walk.mjs";

const [baseUrl, mode, pageSizeArg, measure] = process.argv.slice(2);
if (!baseUrl || !mode || !pageSizeArg || !measure) {
  throw new Error("usage: <baseUrl> <ours|raw|collect> <pageSize> <rss|live>");
}
const pageSize = Number(pageSizeArg);
const gc = /** @type {() => void} */ (globalThis.gc);
const live = measure === "live";

const walk = mode === "ours" ? await clientWalker() : rawWalk;
// Warm up fetch (undici's lazy setup, the keep-alive connection) so the baseline holds it.
await fetch(`${baseUrl}/api/v2/course/1/users/?limit=1`, {
  headers: { Authorization: "Bearer course-1-manager" },
}).then((r) => r.arrayBuffer());
gc();
const baseline = live ? process.memoryUsage().heapUsed : process.memoryUsage.rss();
let peak = baseline;
/** @type {{ id: number }[]} */
const kept = [];
let visited = 0;
const seen = await walk(baseUrl, pageSize, (user) => {
  if (mode === "collect") kept.push(user);
  if (++visited % (live ? pageSize * 10 : pageSize) !== 0) return;
  if (live) gc();
  peak = Math.max(peak, live ? process.memoryUsage().heapUsed : process.memoryUsage.rss());
});
process.stdout.write(
  `${JSON.stringify({ users: seen, kept: kept.length, growth: peak - baseline })}\n`,
);
