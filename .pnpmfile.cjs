// pnpm loads this file before it resolves or fetches anything: on a Node the repository does not
// support, `pnpm install` stops here with one line naming the supported lines (engine-strict would
// also judge every dependency's engines; pnpm 10 does not act on devEngines). It defines no
// hooks, so the lockfile records nothing of it.
require("./scripts/check-node.cjs").exitUnlessSupported();
