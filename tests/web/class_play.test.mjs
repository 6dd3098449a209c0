// Class play in the browser, against the real classroom server serving the bundle: phones
// and a tablet open the QR's address (http://SERVER/?code=CODE), join, play to the end, and
// the teacher's summary counts their choices; the server killed mid-story loses nothing once it
// is back; a closed tab opened again is still in the class, and hears at once, idle, that the
// teacher ended it.
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

test("three devices open the QR's address, join, play in class; the summary shows their choices", async () => {
  // k = 3 (the least a session allows) so that three students' identical choices show.
  const session = await server.teacher("POST", "sessions", { scenarios: ["group-chat"], language: "ko", k: 3 });
  const shots = process.env.UPSTANDER_WEB_SCREENSHOTS;
  const students = [
    { size: sizes.phone, how: "touch" },
    { size: sizes.tablet, how: "keys" },
    { size: sizes.phone, how: "touch" },
  ];
  let padsChecked = 0;
  for (const [i, st] of students.entries()) {
    const { context, page, errors } = await openInvitation(st.size, "ko", session.code);
    const seen = new Set();
    let padChecked = false;
    const result = await playToFinish(page, st.how, "ko", async (s) => {
      // The code's keypad: on a phone every key is a finger's size (it was 30 px wide).
      if (s.screen === "join" && st.how === "touch") {
        // The controls are the last drawn frame's: wait until the join screen's are there.
        const pad = (t) => (t.controls || []).filter((c) => /^[2-9A-Z]$/.test(c.label));
        // On a loaded machine the screen can move on before a frame with the keypad is read;
        // then this student's pad goes unchecked, and the other phone's must be (below).
        const drawn = await waitFor(page, (t) => t.screen !== "join" || pad(t).length > 0, "the keypad");
        if (drawn.screen === "join") {
          const keys = pad(drawn);
          assert.equal(keys.length, 30, JSON.stringify(drawn.controls.map((c) => c.label)));
          for (const k of keys) assert.ok(k.w >= 44 && k.h >= 44, `pad key ${JSON.stringify(k)}`);
          padChecked = true;
        }
      }
      if (!shots || i > 0 || seen.has(s.screen) || !["join", "class-welcome", "picker"].includes(s.screen)) return;
      seen.add(s.screen);
      fs.mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: path.join(shots, `class-phone-ko-${s.screen}.png`) });
    });
    assert.ok(result.ending, "an ending was shown");
    if (padChecked) padsChecked += 1;
    assert.equal((await state(page)).inClass, true);
    await waitFor(page, (t) => t.pending === 0, "every event sent", 15000);
    assert.deepEqual(errors, []);
    await context.close();
  }
  assert.ok(padsChecked >= 1, "a phone's join keypad was checked");
  const joined = await server.teacher("GET", `sessions/${session.id}`);
  assert.equal(joined.players, 3);
  assert.ok(eventsOf(session.id) >= 15, "the server stored the stories' events");
  // Each took the first choice at every decision: the summary counts three on each.
  const summary = await server.teacher("GET", `sessions/${session.id}/summary`);
  const first = summary.scenarios[0].decisions.find((d) => d.node === "first-move");
  assert.ok(first, "the first decision is in the summary");
  const react = first.cells.find((c) => c.id === "react");
  assert.equal(react.shown, "count");
  assert.equal(react.count, 3);
  assert.equal(first.total.count, 3);
  // Only enumerated values are stored: the content's ids, nothing typed.
  const scenarios = server.query(
    `SELECT DISTINCT scenario FROM events JOIN players ON players.id = events.player_id ` +
      `JOIN sessions ON sessions.id = players.session_id ` +
      `WHERE sessions.public_id = '${session.id}' AND scenario <> ''`,
  );
  assert.equal(scenarios, "group-chat");
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
  // The same student: not counted twice.
  assert.equal((await server.teacher("GET", `sessions/${session.id}`)).players, 1);
  // The teacher ends the class while this student reads, touching nothing: the game says so
  // within seconds (it asks while idle), without taking the story away.
  await server.teacher("POST", `sessions/${session.id}/end`);
  const told = await waitFor(tab, (t) => t.notice === "game.class.ended_notice", "the class ended notice", 12000);
  assert.equal(told.screen, "play");
  await context.close();
});
