// Frame cost in the browser: the game's work per frame on a shipped busy chat (group-chat's
// "drop", 1280x800, English) over the first three seconds on the node, while its messages
// arrive and the typing dots move (every frame drawn anew), from window.upstander.frameMs,
// in Debian's headless Chromium; compare with game_bench's "shipped chat" line (the same
// node natively); and the page's memory.
//   node bench/web_frame.mjs BUNDLE_DIR NODE_MODULES [runs]
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { chromiumCpuMs, launchChromium } from "../tests/web/chromium.mjs";

const [bundle, nodeModules, framesArg] = process.argv.slice(2);
const runs = Number(framesArg || 5);
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm" };

const server = http.createServer((req, res) => {
  const name = new URL(req.url, "http://x").pathname.replace(/^\/+/, "") || "index.html";
  const file = path.join(bundle, path.basename(name));
  if (!fs.existsSync(file)) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { "Content-Type": types[path.extname(file)] || "application/octet-stream" });
  res.end(fs.readFileSync(file));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const state = (page) => page.evaluate(() => JSON.parse(JSON.stringify(window.upstander)));
async function key(page, k) {
  await page.keyboard.down(k);
  await sleep(100);
  await page.keyboard.up(k);
  await sleep(250);
}

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p99: s[Math.min(s.length - 1, Math.floor(s.length * 0.99))] };
}

const browser = await launchChromium(nodeModules, ["--enable-precise-memory-info"]);
// One run: a fresh page to the node before "drop", then the first three seconds on "drop".
async function run() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.upstander && window.upstander.firstFrame, null, { timeout: 60000 });
  let s = await state(page);
  const press = async (label) => {
    const c = s.controls.find((c) => c.label.includes(label));
    if (!c) throw new Error(`no "${label}" on ${s.screen}: ${s.controls.map((c) => c.label)}`);
    await page.mouse.click(c.x + c.w / 2, c.y + c.h / 2);
    await sleep(300);
    s = await state(page);
  };
  if (s.screen === "language") await press("English");
  await key(page, "1"); // play on my own
  s = await state(page);
  await press(title);
  await key(page, "1"); // play this story
  s = await state(page);
  for (let i = 0; i < 20 && s.screen === "pre-survey"; ++i) { await key(page, "s"); s = await state(page); }
  for (let i = 0; i < 10 && s.node !== "ping"; ++i) { await key(page, "Enter"); s = await state(page); }
  if (s.node !== "ping") throw new Error(`did not reach group-chat/ping: ${s.screen} ${s.node}`);
  await sleep(1000);
  await page.evaluate(() => { window.upstander.frameMs = []; });
  const cpu0 = chromiumCpuMs();
  await key(page, "Enter");
  await sleep(2900);
  const cpu = chromiumCpuMs() - cpu0;
  s = await state(page);
  if (s.node !== "drop") throw new Error(`not on group-chat/drop: ${s.node}`);
  const ms = await page.evaluate(() => window.upstander.frameMs.slice());
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const metrics = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
  const wasm = await page.evaluate(() => (window.Module && Module.HEAP8 ? Module.HEAP8.length : 0));
  await context.close();
  return { ms, cpu, heap: metrics.JSHeapUsedSize, wasm };
}

const title = JSON.parse(fs.readFileSync(new URL("../content/scenarios/group-chat.json", import.meta.url))).title.en;
const all = [];
const cpuPerFrame = [];
let last;
for (let i = 0; i < runs; ++i) {
  last = await run();
  all.push(...last.ms);
  cpuPerFrame.push(last.cpu / last.ms.length);
}
const ms = all;
const f = stats(ms);
console.log(`shipped chat group-chat/drop, 1280x800, en, messages arriving (${runs} runs of 3 s, ${ms.length} frames): frame median ${f.median.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms`);
console.log(`all Chromium processes, CPU per frame drawn (per run): ${cpuPerFrame.map((x) => x.toFixed(2)).join(", ")} ms; median ${stats(cpuPerFrame).median.toFixed(2)} ms`);
console.log(`page memory: JS heap ${(last.heap / 1048576).toFixed(1)} MB, wasm memory ${(last.wasm / 1048576).toFixed(1)} MB`);
await browser.close();
server.close();
