// Test support: Noto Sans SC from npm, shared by the front and back drawers
// (each weight parsed once per process; fontkit parsing a 10 MB font takes ~100 ms).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fontkit, { type Font } from "@pdf-lib/fontkit";
import { packageDir } from "@/lib/node-modules-path";

type Weight = "400Regular" | "700Bold";
const fonts = new Map<Weight, Font>();

export function loadCardFont(weight: Weight = "400Regular"): Font {
  let font = fonts.get(weight);
  if (!font) {
    font = fontkit.create(readFileSync(join(packageDir("@expo-google-fonts/noto-sans-sc"), weight, `NotoSansSC_${weight}.ttf`)));
    fonts.set(weight, font);
  }
  return font;
}
