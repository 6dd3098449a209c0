// The teacher dashboard in the browser on a class of 40: its first frame on a first visit
// (cold, nothing cached) and on a reload (warm), and the live view's frame cost with the
// class's results on screen, against the native dashboard timed by the same program on the
// same class (dashboard_bench, which runs the server and the 40 simulated students and
// then serves the bundle). Debian's headless Chromium, 1280x720, Korean.
//   node bench/web_dashboard.mjs DASHBOARD_BENCH BUNDLE_DIR NODE_MODULES [runs]
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { chromiumCpuMs, launchChromium } from "../tests/web/chromium.mjs";

const [benchBin, bundle, nodeModules, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 5);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The native numbers and the server, from dashboard_bench.
const bench = spawn(benchBin, ["--frames", "300", "--serve-web", path.resolve(bundle)], {
  stdio: ["pipe", "pipe", "inherit"],
});
let out = "";
const serving = await new Promise((resolve, reject) => {
  bench.stdout.on("data", (d) => {
    out += d.toString();
    const m = out.match(/SERVING (\d+) (\S+)/);
    if (m) resolve({ port: Number(m[1]), signin: m[2] });
  });
  bench.on("exit", (code) => reject(new Error(`dashboard_bench exited (${code}):\n${out}`)));
});
process.stdout.write(out.replace(/SERVING.*\n/, ""));
const origin = `http://127.0.0.1:${serving.port}`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p99 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))];
const state = (page) => page.evaluate(() => JSON.parse(JSON.stringify(window.upstander || {})));

const browser = await launchChromium(nodeModules);

// The sign-in link is good once: one context signs in, and its cookie opens the rest.
const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "ko-KR" });
{
  const page = await context.newPage();
  await page.goto(origin + serving.signin);
  await page.waitForFunction(() => window.upstander && window.upstander.signIn === "signed-in", null, { timeout: 30000 });
  await page.close();
}

async function firstFrame(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.upstander && window.upstander.firstFrame, null, { timeout: 30000 });
  const s = await state(page);
  await page.waitForFunction(() => window.upstander.screen === "live" && window.upstander.livePlayers === 40, null, {
    timeout: 30000,
  });
  return { first: s.firstFrameMs, live: await page.evaluate(() => performance.now()), timings: s.timings };
}

const cold = [], warm = [], coldLive = [], warmLive = [];
let bytes = 0;
for (let i = 0; i < runs; ++i) {
  // A context of its own has an empty cache: a first visit (the cookie is copied over).
  const fresh = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: "ko-KR",
    storageState: await context.storageState(),
  });
  const page = await fresh.newPage();
  let got = 0;
  page.on("response", async (r) => {
    const len = Number((await r.allHeaders())["content-length"] || 0);
    got += len;
  });
  const c = await firstFrame(page, origin + "/teacher/");
  cold.push(c.first);
  coldLive.push(c.live);
  bytes = got;
  const w = await firstFrame(page, origin + "/teacher/");  // the same tab again: cached
  warm.push(w.first);
  warmLive.push(w.live);
  await fresh.close();
}
console.log(`browser dashboard, 1280x720, Korean, ${runs} runs:`);
console.log(`  first frame, cold (first visit, ${bytes} bytes): median ${median(cold).toFixed(0)} ms, max ${Math.max(...cold).toFixed(0)} ms; live view with the class's 40: median ${median(coldLive).toFixed(0)} ms`);
console.log(`  first frame, warm (reload, cached):  median ${median(warm).toFixed(0)} ms, max ${Math.max(...warm).toFixed(0)} ms; live view with the class's 40: median ${median(warmLive).toFixed(0)} ms`);

// The live view's frames: as a lesson draws them (a frame equal to the one on screen is not
// drawn again) and each drawn in full (?redraw=1), on the page's thread, and the CPU every
// Chromium process spent per frame.
for (const [what, query] of [["live view, as drawn", ""], ["live view, redrawn", "?redraw=1"]]) {
  const page = await context.newPage();
  await firstFrame(page, origin + "/teacher/" + query);
  await sleep(1000);
  await page.evaluate(() => {
    window.upstander.frameMs = [];
  });
  const cpu0 = chromiumCpuMs();
  await sleep(3000);
  const cpu1 = chromiumCpuMs();
  const frames = (await state(page)).frameMs;
  console.log(`  ${what.padEnd(20)} page's thread median ${median(frames).toFixed(2)} ms, p99 ${p99(frames).toFixed(2)} ms over ${frames.length} frames; all Chromium processes ${((cpu1 - cpu0) / frames.length).toFixed(2)} ms CPU per frame (${((cpu1 - cpu0) / 3000 * 100).toFixed(0)}% of a core)`);
  await page.close();
}
await browser.close();
bench.stdin.end();
await new Promise((r) => bench.on("exit", r));
