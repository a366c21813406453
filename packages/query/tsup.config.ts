import { defineConfig } from "tsup";
// Built as the client is (one ESM and one CJS entry with types, web-standard APIs only); turbo
// builds the client first, so a change there rebuilds this package too.
import { browserSafeBuild } from "../client/tsup.config.js";

export default defineConfig(browserSafeBuild);
