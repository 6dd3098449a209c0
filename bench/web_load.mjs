// Browser bundle: bytes a student downloads on a cold visit and on a second visit, and the
// time to the first frame, cold and warm, in Debian's headless Chromium.
//   node bench/web_load.mjs BUNDLE_DIR NODE_MODULES [runs]
// Serves BUNDLE_DIR itself as a well-configured static server would (docs/web.md): the .gz
// files to browsers that accept gzip, hashed names cached for a year, the page revalidated.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { launchChromium } from "../tests/web/chromium.mjs";

const [bundle, nodeModules, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 5);

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".data": "application/octet-stream" };

function serve() {
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, "http://x").pathname).replace(/^\/+/, "") || "index.html";
    const file = path.join(bundle, path.basename(name));
    if (!fs.existsSync(file)) { res.writeHead(404); return res.end(); }
    const etag = `"${fs.statSync(file).size}-${fs.statSync(file).mtimeMs}"`;
    const headers = {
      "Content-Type": types[path.extname(file)] || "application/octet-stream",
      "Cache-Control": name === "index.html" ? "no-cache" : "public, max-age=31536000, immutable",
      ETag: etag,
    };
    if (req.headers["if-none-match"] === etag) { res.writeHead(304, headers); return res.end(); }
    let body = fs.readFileSync(file);
    if (/gzip/.test(req.headers["accept-encoding"] || "") && fs.existsSync(file + ".gz")) {
      body = fs.readFileSync(file + ".gz");
      headers["Content-Encoding"] = "gzip";
    }
    headers["Content-Length"] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((r) => server.listen(0, "127.0.0.1", () => r(server)));
}

async function visit(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  let bytes = 0;
  cdp.on("Network.loadingFinished", (e) => { bytes += e.encodedDataLength; });
  await page.goto(url);
  await page.waitForFunction(() => window.upstander && window.upstander.firstFrame, null, { timeout: 60000 });
  const ms = await page.evaluate(() => window.upstander.firstFrameMs);
  const timings = await page.evaluate(() => window.upstander.timings || {});
  await new Promise((r) => setTimeout(r, 300));
  await page.close();
  return { bytes, ms, timings };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const server = await serve();
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await launchChromium(nodeModules);
const cold = [], warm = [];
for (let i = 0; i < runs; ++i) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  cold.push(await visit(context, url));
  warm.push(await visit(context, url));
  await context.close();
}
await browser.close();
server.close();
const fmt = (v) => JSON.stringify({ bytes: median(v.map((x) => x.bytes)), first_frame_ms_median: Math.round(median(v.map((x) => x.ms))), first_frame_ms_max: Math.round(Math.max(...v.map((x) => x.ms))) });
// Where the time goes: the median moment (ms since the page began) each start-up phase
// ended (window.upstander.timings, docs/web.md).
const phases = (v) => {
  const names = Object.keys(v[0].timings).sort((a, b) => v[0].timings[a] - v[0].timings[b]);
  return names.map((n) => `${n} ${Math.round(median(v.map((x) => x.timings[n])))}`).join(", ");
};
console.log(`cold visit:   ${fmt(cold)}`);
console.log(`  phases: ${phases(cold)}`);
console.log(`second visit: ${fmt(warm)}`);
console.log(`  phases: ${phases(warm)}`);
