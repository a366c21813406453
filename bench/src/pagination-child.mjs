// Child process of the pagination timing run in isolation: ONE way of walking the course, in a
// fresh process with its own page server, for the same reason as the overhead benchmark's
// children: in one shared process the JIT state one walker leaves in fetch's internals changes
// what the next one pays.
//   node pagination-child.mjs <named|items|raw> <users> <pageSize> <warmupWalks> <measuredWalks>
// Prints one JSON line: { ms, cpuMs, users } of the measured walks (users: per walk).
import { timeLoop } from "./lib/child-rounds.mjs";
import { startPageServer } from "./lib/page-server.mjs";
import { clientWalker, namedMethodWalker, rawWalk } from "./pagination-walk.mjs";

/** The walkers, by the name the parent passes. */
const WALKERS = /** @type {const} */ (["named", "items", "raw"]);

const [name, usersArg, pageSizeArg, warmupArg, measuredArg] = process.argv.slice(2);
if (!name || !WALKERS.some((w) => w === name) || !usersArg || !pageSizeArg || !warmupArg) {
  throw new Error(`usage: <${WALKERS.join("|")}> <users> <pageSize> <warmupWalks> <measuredWalks>`);
}
const users = Number(usersArg);
const pageSize = Number(pageSizeArg);
const walk =
  name === "raw" ? rawWalk : name === "named" ? await namedMethodWalker() : await clientWalker();
let checksum = 0;
const visit = (/** @type {{ id: number }} */ user) => {
  checksum += user.id;
};
const server = await startPageServer({ count: users });
try {
  // A walk that stops early would look fast.
  const seen = await walk(server.url, pageSize, visit);
  if (seen !== users) throw new Error(`${name}: walked ${seen} of ${users} users`);
  const time = await timeLoop(
    () => walk(server.url, pageSize, visit),
    Number(warmupArg),
    Number(measuredArg),
  );
  if (checksum === 0) throw new Error("no user visited");
  process.stdout.write(`${JSON.stringify({ ...time, users: seen })}\n`);
} finally {
  await server.close();
}
