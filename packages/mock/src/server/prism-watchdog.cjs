// Preloaded into the Prism child (`node --require <this file> <prism-cli> ...`). Prism must not
// outlive the process that started it, even when that process is killed with SIGKILL and gets
// no chance to clean up: the IPC channel closes whenever the parent dies, whatever the cause.
// Over the same channel it reports the port its server listens on: we start it with `--port 0`
// (the kernel picks a free port as it binds, so two Prisms can never be handed the same one),
// and Prism itself only logs the address.
"use strict";

const net = require("node:net");

if (process.channel) {
  // The channel must not keep Prism alive by itself; Prism's server does that.
  process.channel.unref();
  process.on("disconnect", () => process.exit(0));

  // Every TCP server that starts listening (Prism's only one; again after it restarts on a
  // changed spec) says on which port. With a callback, a failed send is dropped instead of
  // becoming an 'error' event that would crash Prism.
  const listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function (...args) {
    this.once("listening", () => {
      const address = this.address();
      if (typeof address === "object" && address !== null && process.connected) {
        process.send({ type: "listening", port: address.port }, () => {});
      }
    });
    return listen.apply(this, args);
  };
}
