import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type * as fontkitModule from "@pdf-lib/fontkit";
import { parseTrueType, type ParsedTrueType } from "./subset-truetype";

// Noto Sans SC (SIL OFL 1.1) from the @expo-google-fonts/noto-sans-sc npm
// package: a TrueType (glyf) CJK font covering GB 18030's common set.
// Reading the 10 MB file costs tens of milliseconds, so it is read once per
// process; fontkit is used only for its character → glyph lookup.

const DEFAULT_FONT = "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf";

type FontkitFont = ReturnType<typeof fontkitModule.create>;

export interface CjkFont {
  path: string;
  postscriptName: string;
  font: FontkitFont;
  parsed: ParsedTrueType;
}
let cached: CjkFont | undefined;

export function cjkFontPath(): string {
  if (process.env.CLOUDSIGN_PDF_FONT) return process.env.CLOUDSIGN_PDF_FONT;
  // The app runs from the project root (next start, vitest): look there first.
  // Bundlers must not see a literal resolve() of the .ttf (Turbopack would try
  // to bundle it as a module), hence the path built at run time.
  const local = join(/* turbopackIgnore: true */ process.cwd(), "node_modules", DEFAULT_FONT);
  if (existsSync(local)) return local;
  return createRequire(/* turbopackIgnore: true */ import.meta.url).resolve([DEFAULT_FONT][0]!);
}

/** fontkit is imported lazily: invisible signatures never pay for loading it. */
export async function loadCjkFont(path = cjkFontPath()): Promise<CjkFont> {
  if (cached?.path !== path) {
    const mod = await import("@pdf-lib/fontkit");
    // The package's types declare named exports; its ES build has only a default export.
    const fontkit = ((mod as unknown as { default?: typeof fontkitModule }).default ?? mod) as typeof fontkitModule;
    const data = new Uint8Array(readFileSync(path));
    const font = fontkit.create(data);
    cached = { path, font, parsed: parseTrueType(data), postscriptName: (font.postscriptName || "CJKFont").replace(/[^A-Za-z0-9-]/g, "") };
  }
  return cached;
}
