// Preloaded into the Prism child (`node --require <this file> <prism-cli> ...`). Prism must not
// outlive the process that started it, even when that process is killed with SIGKILL and gets
// no chance to clean up: the IPC channel closes whenever the parent dies, whatever the cause.
"use strict";

if (process.channel) {
  // The channel must not keep Prism alive by itself; Prism's server does that.
  process.channel.unref();
  process.on("disconnect", () => process.exit(0));
}
