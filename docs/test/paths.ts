// Folders of the docs package, resolved from this file so tests run from any cwd.
import { fileURLToPath } from "node:url";

export const docsDir = fileURLToPath(new URL("..", import.meta.url));
export const distDir = fileURLToPath(new URL("../dist", import.meta.url));
export const contentDir = fileURLToPath(new URL("../content", import.meta.url));
export const artifactsDir = fileURLToPath(new URL("../artifacts", import.meta.url));
