// A real npm registry for the release rehearsal: Verdaccio on 127.0.0.1, on a port the kernel
// picks, keeping packages in the storage folder given as argv[2]. No uplinks: it serves what was
// published to it and nothing else (consumers take every other package from their default
// registry through a scoped .npmrc). Prints "listening on <url>" once it accepts requests.
//   node registry-server.mjs <storage>
import { runServer } from "verdaccio";

const storage = process.argv[2];
if (!storage) {
  console.error("usage: node registry-server.mjs <storage folder>");
  process.exit(2);
}
const server = await runServer({
  storage,
  self_path: storage,
  uplinks: {},
  packages: { "**": { access: "$all", publish: "$anonymous $authenticated" } },
  auth: { htpasswd: { file: `${storage}/htpasswd`, max_users: -1 } },
  web: { enable: false },
  log: { type: "stdout", format: "pretty", level: "error" },
});
server.listen(0, "127.0.0.1", () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}/`);
});
// Never outlive the test that started it.
process.on("disconnect", () => process.exit(0));
