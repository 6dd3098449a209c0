// Author mode in the browser: the autosave round trip, from the page handing an autosave to
// the classroom server (PUT /api/v1/teacher/drafts/{id}/autosave over fetch(), the wasm
// dashboard's own channel) to its answer, for N autosaves. The page is opened with
// ?autosave_ms=0 so every keystroke in a node's text is autosaved; keystrokes are 150 ms
// apart so no save waits behind another; then the same PUT from Node, for the server's share.
// Debian's headless Chromium, 1280x800, loopback.
//   node bench/web_author.mjs UPSTANDER_TEACHER BUNDLE_DIR NODE_MODULES [saves]
import path from "node:path";

const [teacherBin, bundle, nodeModules, savesArg] = process.argv.slice(2);
const saves = Number(savesArg || 50);
process.env.UPSTANDER_TEACHER_BIN = path.resolve(teacherBin);
process.env.UPSTANDER_WEB_BUNDLE = path.resolve(bundle);
process.env.UPSTANDER_WEB_NODE_MODULES = path.resolve(nodeModules);
const { ClassroomServer } = await import("../tests/web/classroom_server.mjs");
const { launch, openContext, sizes, sleep, state, tap, waitFirstFrame, waitFor } = await import("../tests/web/browser.mjs");

const server = new ClassroomServer();
await server.start();
const browser = await launch();
try {
  const page = await (await openContext(browser, sizes.tablet, "en")).newPage();
  const link = await server.teacher("POST", "signin-links", {});
  await page.goto(`${server.origin}${link.path}`);
  await waitFor(page, (t) => t.signIn === "signed-in", "signed in", 15000);
  await page.goto(`${server.origin}/teacher/?autosave_ms=0`);
  await waitFirstFrame(page);
  await waitFor(page, (t) => t.signIn === "signed-in", "signed in", 15000);
  const press = async (label) => {
    const s = await waitFor(page, (t) => (t.controls || []).some((c) => c.label === label), label);
    await tap(page, s.controls.filter((c) => c.label === label).pop());
  };
  await press("Write scenarios");
  await waitFor(page, (t) => t.author && t.author.draftsReady, "the drafts");
  await press("The group chat (group-chat)");
  await waitFor(page, (t) => t.author.open && t.author.uploads >= 1, "the copy saved");
  // The selected node's English text, scrolled into view in the editor column.
  for (let i = 0; i < 20 && !(await state(page)).controls.some((c) => c.label === "English"); ++i) {
    await page.mouse.move(980, 500);
    await page.mouse.wheel(0, 150);
    await sleep(150);
  }
  await press("English");
  for (let i = 0; i < saves; ++i) {
    await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
    await sleep(150);
  }
  const s = await waitFor(page, (t) => t.author.roundTrips.length >= saves && t.author.unsent === 0, "every autosave answered", 30000);
  const trips = s.author.roundTrips.slice(-saves).sort((a, b) => a - b);
  const at = (q) => trips[Math.min(trips.length - 1, Math.floor(trips.length * q))];
  const draft = await server.teacher("GET", "drafts/group-chat");
  console.log(`autosave round trip over ${trips.length} saves of a ${Math.round(draft.autosave.text.length / 1024)} KB draft: ` +
    `median ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${trips[trips.length - 1].toFixed(1)} ms`);
  // The server's share: the same PUT from Node's fetch() (no page, no frame loop).
  const direct = [];
  for (let i = 0; i < saves; ++i) {
    const t0 = performance.now();
    const r = await fetch(`${server.origin}/api/v1/teacher/drafts/group-chat/autosave`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${server.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ text: draft.autosave.text }),
    });
    await r.json();
    direct.push(performance.now() - t0);
  }
  direct.sort((a, b) => a - b);
  console.log(`the same PUT from Node's fetch(): median ${direct[Math.floor(saves / 2)].toFixed(1)} ms, ` +
    `p99 ${direct[Math.min(saves - 1, Math.floor(saves * 0.99))].toFixed(1)} ms`);
} finally {
  await browser.close();
  await server.stop();
  server.remove();
}
