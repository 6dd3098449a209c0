// Debian's headless Chromium through playwright-core: the one start-up that the browser
// tests (tests/web/) and the web benchmarks (bench/web_*.mjs) share. UPSTANDER_CHROMIUM
// names another Chromium.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

// `nodeModules` holds playwright-core (scripts/build-web --test-tools puts it in
// build-web/node/node_modules); `extraArgs` add to Chromium's command line.
export async function launchChromium(nodeModules, extraArgs = []) {
  const { chromium } = require(path.resolve(nodeModules, "playwright-core"));
  return chromium.launch({
    executablePath: process.env.UPSTANDER_CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", ...extraArgs],
  });
}

// CPU time (ms) used so far by every Chromium process (the page's renderer, the GPU process
// that runs WebGL, the browser): with WebGL the drawing leaves the page's thread, so the
// page's frame time alone would flatter it.
export function chromiumCpuMs() {
  let ticks = 0;
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      if (!/chrom/i.test(comm)) continue;
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(f[11]) + Number(f[12]); // utime, stime
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}
