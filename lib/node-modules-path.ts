import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * The directory of an installed package, for reading its data files (models,
 * WASM binaries, fonts, language data) at run time. Bundlers replace a literal
 * require.resolve() with a module id, so look under the project's
 * node_modules first (where `next start` and the tests run) and only then ask
 * Node's resolver, with a name the bundler cannot see.
 */
export function packageDir(name: string): string {
  const local = join(process.cwd(), "node_modules", name);
  if (existsSync(join(local, "package.json"))) return local;
  const resolveAtRuntime = createRequire(/* turbopackIgnore: true */ join(process.cwd(), "noop.js")).resolve;
  return dirname(resolveAtRuntime([name, "package.json"].join("/")));
}
