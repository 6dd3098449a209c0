// Class play in the browser, against the real classroom server serving the bundle: a phone
// opens the QR's address (http://SERVER/?code=CODE), joins, plays to the end, and every
// event reaches the server's database; the server killed mid-story loses nothing once it
// is back; a closed tab opened again is still in the class.
// Run by scripts/test-web with UPSTANDER_TEACHER_BIN and UPSTANDER_WEB_BUNDLE set.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test, after, before } from "node:test";

import { ClassroomServer } from "./classroom_server.mjs";
import {
  chooseLanguage,
  launch,
  openContext,
  playToFinish,
  sizes,
  state,
  step,
  waitFirstFrame,
  waitFor,
} from "./browser.mjs";

let browser;
let server;

before(async () => {
  browser = await launch();
  server = new ClassroomServer();
  await server.start();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  server?.remove();
});

async function newSession(language) {
  return server.teacher("POST", "sessions", { scenarios: ["group-chat"], language });
}

async function openInvitation(size, language, code) {
  const context = await openContext(browser, size, language);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${server.origin}/?code=${code}`);
  await waitFirstFrame(page);
  return { context, page, errors };
}

function eventsOf(sessionId) {
  return Number(
    server.query(
      `SELECT count(*) FROM events JOIN players ON players.id = events.player_id ` +
        `JOIN sessions ON sessions.id = players.session_id WHERE sessions.public_id = '${sessionId}'`,
    ),
  );
}

// Steps until `pred` holds on the screen, as a student taking the first offer would.
async function playUntil(page, how, pred, what) {
  await chooseLanguage(page, how, "en");
  for (let i = 0; i < 200; ++i) {
    const s = await state(page);
    if (pred(s)) return s;
    await step(page, how);
  }
  throw new Error(`never reached ${what}`);
}

test("a phone opens the QR's address, joins, plays in class, and every event reaches the server", async () => {
  const session = await newSession("ko");
  const { context, page, errors } = await openInvitation(sizes.phone, "ko", session.code);
  const shots = process.env.UPSTANDER_WEB_SCREENSHOTS;
  const seen = new Set();
  const result = await playToFinish(page, "touch", "ko", async (s) => {
    if (!shots || seen.has(s.screen) || !["join", "class-welcome", "picker"].includes(s.screen)) return;
    seen.add(s.screen);
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, `class-phone-ko-${s.screen}.png`) });
  });
  assert.ok(result.ending, "an ending was shown");
  let s = await state(page);
  assert.equal(s.inClass, true);
  s = await waitFor(page, (t) => t.pending === 0, "every event sent", 15000);
  const joined = await server.teacher("GET", `sessions/${session.id}`);
  assert.equal(joined.players, 1);
  const stored = eventsOf(session.id);
  assert.ok(stored >= 5, `the server stored the story's events (${stored})`);
  // The choices came as the content's ids, nothing typed: only enumerated values are stored.
  const scenarios = server.query(
    `SELECT DISTINCT scenario FROM events JOIN players ON players.id = events.player_id ` +
      `JOIN sessions ON sessions.id = players.session_id ` +
      `WHERE sessions.public_id = '${session.id}' AND scenario <> ''`,
  );
  assert.equal(scenarios, "group-chat");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the server killed mid-story: the tablet keeps playing, and nothing is lost once it is back", async () => {
  const session = await newSession("en");
  const { context, page, errors } = await openInvitation(sizes.tablet, "en", session.code);
  await playUntil(page, "keys", (s) => s.screen === "play" && s.node !== "", "the story");
  await waitFor(page, (t) => t.pending === 0, "the first events sent", 15000);
  const before = eventsOf(session.id);
  await server.kill();
  // Several choices while the server is gone: they wait on the device.
  await playUntil(page, "keys", (s) => s.pending >= 3 || s.screen === "finish", "events waiting");
  const waiting = (await state(page)).pending;
  assert.ok(waiting >= 3, `events wait on the device (${waiting})`);
  await server.start();
  await waitFor(page, (t) => t.pending === 0, "the waiting events sent after the restart", 20000);
  const after = eventsOf(session.id);
  assert.ok(after - before >= waiting, `all ${waiting} waiting events stored (${after - before} new)`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a closed tab opened again is still in the class, at the same node", async () => {
  const session = await newSession("en");
  const { context, page } = await openInvitation(sizes.phone, "en", session.code);
  const s = await playUntil(page, "touch", (t) => t.screen === "play" && t.node !== "" && t.inClass,
    "the story in class");
  await waitFor(page, (t) => t.storage && !t.storage.busy && t.storage.writes > 0, "the save");
  await page.close();
  const tab = await context.newPage();
  await tab.goto(server.origin + "/");  // the address without the code: the class is kept
  await waitFirstFrame(tab);
  const again = await waitFor(tab, (t) => t.screen !== "", "a screen", 5000);
  assert.equal(again.inClass, true);
  assert.equal(again.screen, "play");
  assert.equal(again.node, s.node);
  await context.close();
});
