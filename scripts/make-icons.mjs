// Renders the app icons from one SVG with Debian's Chromium. Run once when the
// design changes; the PNGs are committed (nothing is drawn at run time).
import { writeFileSync } from "node:fs";
import { chromium } from "playwright-core";

const svg = (maskable) => `
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="${maskable ? 0 : 112}" fill="#1d5fd6"/>
  <g transform="${maskable ? "translate(76 76) scale(0.703)" : ""}">
    <path d="M150 330 C 190 250, 230 380, 270 300 S 340 260, 362 320" fill="none" stroke="#fff" stroke-width="26" stroke-linecap="round"/>
    <rect x="130" y="370" width="252" height="18" rx="9" fill="#93c5fd"/>
    <path d="M300 110 l70 70 l-120 120 l-80 10 l10 -80 z" fill="#fff"/>
    <path d="M300 110 l70 70" stroke="#1d5fd6" stroke-width="10"/>
  </g>
</svg>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
const page = await browser.newPage();
for (const [name, size, maskable] of [
  ["192", 192, false],
  ["512", 512, false],
  ["192-maskable", 192, true],
  ["512-maskable", 512, true],
  ["apple-touch-icon", 180, true],
]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg(maskable)}`);
  writeFileSync(`public/icons/${name}.png`, await page.screenshot({ omitBackground: true }));
}
await browser.close();
