// The console's stylesheet, imported as text (esbuild's `text` loader in scripts/console.mjs).
declare module "*.css" {
  const text: string;
  export default text;
}
