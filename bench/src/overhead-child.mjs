// Child process of the overhead benchmark: ONE contender, in a fresh process with its own
// server on 127.0.0.1, so that no contender runs on code V8 optimised for another (fetch's
// internals see strings from one caller and Request objects from another, and the JIT state
// the first caller leaves changes what the next one pays).
//   node overhead-child.mjs <contender> <warmupRequests> <measuredRequests>
// Prints one JSON line: { ms, cpuMs } of the measured requests.
import { timeLoop } from "./lib/child-rounds.mjs";
import { startPageServer } from "./lib/page-server.mjs";
import { CONTENDERS, contenderCall } from "./overhead-contenders.mjs";

const [name, warmupArg, measuredArg] = process.argv.slice(2);
if (!name || !warmupArg || !measuredArg || !CONTENDERS.includes(name)) {
  throw new Error(`usage: <${CONTENDERS.join("|")}> <warmupRequests> <measuredRequests>`);
}
const server = await startPageServer({ count: 1000 });
try {
  const call = await contenderCall(name, server.url);
  const time = await timeLoop(call, Number(warmupArg), Number(measuredArg));
  process.stdout.write(`${JSON.stringify(time)}\n`);
} finally {
  await server.close();
}
