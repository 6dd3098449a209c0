// The teacher's dashboard in the browser (/teacher/), against the real classroom server: a
// teacher signs in with a sign-in address, opens a session, the lobby shows the LAN address
// and its QR code, a student's page joins and the live view counts them within 2 s, a
// decision point is revealed in the debrief, the session ends, the CSV downloads and the
// printable report opens in a tab, and a passphrase is set in Settings. Without a cookie the
// page asks for that passphrase.
// Run by scripts/test-web with UPSTANDER_TEACHER_BIN and UPSTANDER_WEB_BUNDLE set.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test, after, before } from "node:test";

import { ClassroomServer } from "./classroom_server.mjs";
import {
  chooseLanguage,
  launch,
  openContext,
  pressKey,
  sizes,
  sleep,
  state,
  step,
  tap,
  waitFirstFrame,
  waitFor,
} from "./browser.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const words = (lang) => JSON.parse(fs.readFileSync(path.join(root, `content/locale/${lang}.json`), "utf8")).strings;
const en = words("en");
const ko = words("ko");
const shots = process.env.UPSTANDER_WEB_SCREENSHOTS || fs.mkdtempSync(path.join(os.tmpdir(), "upstander-teacher-shots-"));
fs.mkdirSync(shots, { recursive: true });

// This machine's first IPv4 address on a network (what students' tablets would reach).
function lanAddress() {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list || []) if (a.family === "IPv4" && !a.internal) return a.address;
  }
  return null;
}

let browser;
let server;
const lan = lanAddress();

before(async () => {
  browser = await launch();
  server = new ClassroomServer({ bind: "0.0.0.0" });
  await server.start();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  server?.remove();
});

// The address serve printed, or (from a server that prints none) one made with the token.
async function signInAddress() {
  const printed = server.log.match(/http:\/\/[^\s]+\/teacher\/signin\?token=[A-Za-z0-9_-]+/);
  if (printed) return printed[0];
  const link = await server.teacher("POST", "signin-links", {});
  return `http://${lan}:${server.port}${link.path}`;
}

function control(s, label) {
  const all = (s.controls || []).filter((c) => c.label === label);
  return all[all.length - 1];  // a dialog's button is drawn after the screen's
}

async function press(page, label, what = label) {
  const s = await waitFor(page, (t) => control(t, label), `the button "${what}"`);
  await tap(page, control(s, label));
}

// A phone opens the QR's address and joins the class; returns its browser context.
async function joinAsStudent(url) {
  const context = await openContext(browser, sizes.phone, "en");
  const phone = await context.newPage();
  await phone.goto(url);
  await waitFirstFrame(phone);
  await chooseLanguage(phone, "touch", "en");
  for (let i = 0; i < 30 && !(await state(phone)).inClass; ++i) await step(phone, "touch");
  assert.equal((await state(phone)).inClass, true, "the student joined");
  return context;
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(shots, `teacher-${name}.png`) });
}

test("a whole lesson from the browser: sign in, lobby, a student joins, live, debrief, end, exports", async () => {
  assert.ok(lan, "this machine has a LAN address");
  const context = await openContext(browser, sizes.tablet, "en");
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(await signInAddress());
  assert.match(page.url(), /\/teacher\/$/);
  await waitFirstFrame(page);
  let s = await waitFor(page, (t) => t.signIn === "signed-in" && t.scenarios > 0, "signed in, the scenarios", 15000);
  await shot(page, "setup");

  // Setup: one scenario, then the lobby.
  const catalog = await server.teacher("GET", "scenarios");
  const chat = catalog.scenarios.find((c) => c.id === "group-chat");
  await press(page, chat.title.en);
  await waitFor(page, (t) => control(t, en["teacher.setup.start"]), "the start button");
  await press(page, en["teacher.setup.start"]);
  s = await waitFor(page, (t) => t.screen === "lobby" && t.session && t.session.code, "the lobby");
  // The address students type and the QR's: the LAN's, never loopback.
  assert.equal(s.joinUrl, `http://${lan}:${server.port}/?code=${s.session.code}`);
  await sleep(300);
  await shot(page, "lobby");
  // The QR code on screen, read back by a decoder (zbar, a Debian package): the same address.
  const decoded = execFileSync("zbarimg", ["--nodbus", "--raw", "-q", path.join(shots, "teacher-lobby.png")], {
    encoding: "utf8",
  }).trim();
  assert.equal(decoded, s.joinUrl);

  // A student opens the QR's address and joins; the lobby counts them within 2 s of the
  // server doing so.
  const student = await joinAsStudent(s.joinUrl);
  while ((await server.teacher("GET", `sessions/${s.session.id}`)).players < 1) await sleep(20);
  let t0 = Date.now();
  s = await waitFor(page, (t) => t.session && t.session.players >= 1, "the lobby counting the student", 5000);
  const lobbyMs = Date.now() - t0;
  assert.ok(lobbyMs < 2000, `the lobby counted the student after ${lobbyMs} ms`);
  await shot(page, "lobby-joined");

  // The live view: a second student joins while it is up, and it counts them within 2 s.
  await press(page, en["teacher.lobby.to_live"]);
  await waitFor(page, (t) => t.screen === "live" && t.livePlayers >= 1, "the live view");
  const second = await joinAsStudent(s.joinUrl);
  while ((await server.teacher("GET", `sessions/${s.session.id}`)).players < 2) await sleep(20);
  t0 = Date.now();
  await waitFor(page, (t) => t.livePlayers >= 2, "the live view counting the second student", 5000);
  const liveMs = Date.now() - t0;
  assert.ok(liveMs < 2000, `the live view counted the second student after ${liveMs} ms`);
  await shot(page, "live");

  // Debrief: the first decision point, revealed.
  await press(page, en["teacher.live.to_debrief"]);
  await waitFor(page, (t) => t.screen === "debrief" && t.debrief.points > 0, "the debrief");
  await press(page, en["teacher.debrief.reveal"]);
  await waitFor(page, (t) => t.debrief.revealed, "the reveal");
  await shot(page, "debrief");

  // End the session from the live view (confirmed), then its results: the CSV and the report.
  await press(page, en["teacher.debrief.to_live"]);
  await waitFor(page, (t) => t.screen === "live", "the live view again");
  await press(page, en["teacher.session.end"]);
  await waitFor(page, (t) => control(t, en["teacher.confirm.end.ok"]) && control(t, en["teacher.confirm.cancel"]), "the confirmation");
  await press(page, en["teacher.confirm.end.ok"]);
  s = await waitFor(page, (t) => t.mode === "results" && t.selected === s.session.id, "the ended session's results", 10000);
  const ended = await server.teacher("GET", `sessions/${s.selected}`);
  assert.equal(ended.state, "ended");
  await shot(page, "results");

  await waitFor(page, (t) => control(t, en["teacher.results.export_csv"]), "the export button");
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 10000 }),
    press(page, en["teacher.results.export_csv"]),
  ]);
  assert.match(download.suggestedFilename(), new RegExp(`${s.selected}\\.csv$`));
  const csv = fs.readFileSync(await download.path(), "utf8");
  assert.match(csv, /^\uFEFF?section,scenario,/);
  assert.ok(csv.includes("group-chat"), "the CSV holds the session's scenario");
  await waitFor(page, (t) => t.notice === "teacher.export.downloaded", "the downloaded notice");

  const [tab] = await Promise.all([
    context.waitForEvent("page", { timeout: 10000 }),
    press(page, en["teacher.results.report"]),
  ]);
  await tab.waitForLoadState();
  const report = await tab.content();
  assert.ok(report.includes("@media print"), "the report is styled for printing");
  assert.ok(report.includes(chat.title.en), "the report names the scenario");
  await tab.screenshot({ path: path.join(shots, "teacher-report.png") });
  // Back to the dashboard's tab: a tab in the background draws no frames.
  await tab.close();
  await page.bringToFront();
  await waitFor(page, (t) => t.notice === "teacher.export.report_opened", "the report notice");

  // Settings: a passphrase for signing in from a browser on another computer (the next test
  // signs in with it).
  await press(page, en["teacher.tab.settings"]);
  await press(page, en["teacher.settings.passphrase"], "the passphrase field");
  for (const ch of "correct horse battery") {
    await page.keyboard.type(ch);
    await sleep(40);
  }
  await press(page, en["teacher.settings.passphrase_set"]);
  await waitFor(page, (t) => t.notice === "teacher.settings.passphrase_saved", "the passphrase saved", 10000);
  await shot(page, "settings");

  assert.equal((await state(page)).missingGlyphs, 0);
  assert.deepEqual(errors, []);
  console.log(`teacher_dashboard: lobby counted the student ${lobbyMs} ms after the join; live view after ${liveMs} ms; screenshots in ${shots}`);
  await student.close();
  await second.close();
  await context.close();
});

test("without a cookie the page asks for the passphrase; a wrong one is refused, the one set in Settings signs in", async () => {
  // In Korean: every glyph the sign-in screen and the dashboard draw is in the bundle's fonts.
  const context = await openContext(browser, sizes.tablet, "ko");
  const page = await context.newPage();
  await page.goto(`http://${lan}:${server.port}/teacher/`);
  await waitFirstFrame(page);
  await waitFor(page, (t) => t.signIn === "signed-out", "the sign-in screen");
  await shot(page, "signin");
  const type = async (text) => {
    await press(page, ko["teacher.signin.passphrase"], "the passphrase field");
    for (let i = 0; i < 24; ++i) await pressKey(page, "Backspace");  // whatever was typed before
    for (const ch of text) {
      await page.keyboard.type(ch);
      await sleep(40);
    }
    await pressKey(page, "Enter");
  };
  await type("wrong passphrase");
  await waitFor(page, (t) => t.signInProblem === "teacher.signin.wrong", "the wrong passphrase refused", 10000);
  await shot(page, "signin-wrong");
  await type("correct horse battery");
  await waitFor(page, (t) => t.signIn === "signed-in" && t.scenarios > 0 && t.sessions > 0, "signed in", 10000);
  await sleep(300);
  await shot(page, "setup-ko");
  assert.equal((await state(page)).missingGlyphs, 0);
  await context.close();
});

// Author mode with its drafts on the server: an edit (typed with English keys and with Korean
// through the browser's input method) is autosaved there, a reloaded tab
// offers it back and restores it, Save keeps it and clears the autosave, and "Play from
// here" opens the student game in a new tab at the selected node with the draft's words.
test("author mode: an autosave survives a reload and is restored, save, play from here in a new tab", async () => {
  const context = await openContext(browser, sizes.tablet, "en");
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const link = await server.teacher("POST", "signin-links", {});
  await page.goto(`http://${lan}:${server.port}${link.path}`);
  await waitFirstFrame(page);
  await waitFor(page, (t) => t.signIn === "signed-in", "signed in", 15000);
  const openAuthor = async () => {
    await press(page, en["teacher.tab.author"]);
    return waitFor(page, (t) => t.author && t.author.draftsReady, "the drafts from the server", 10000);
  };
  await openAuthor();
  const catalog = await server.teacher("GET", "scenarios");
  const chat = catalog.scenarios.find((c) => c.id === "group-chat");
  await press(page, en["teacher.author.open.shipped_item"].replace("{title}", chat.title.en).replace("{id}", "group-chat"));
  // The teacher's copy is saved on the server at once.
  await waitFor(page, (t) => t.author.open && t.author.pack === "group-chat" && t.author.uploads >= 1, "the copy on the server");

  // An edit: the reviewer's name, then "Mark as reviewed". The field focuses the page's text
  // input at its caret; English keys type once each, Korean comes through the input method
  // (Chromium's IME emulation: a syllable composed, then committed), then one more key.
  await press(page, en["teacher.author.pack.review_by"], "the reviewed-by field");
  await waitFor(page, (t) => t.textInput && t.textInput.active, "the page's text input at the field");
  assert.equal(await page.evaluate(() => document.activeElement.id), "upstander-text-input");
  for (const ch of "Test school ") {
    await page.keyboard.type(ch);
    await sleep(30);
  }
  const ime = await context.newCDPSession(page);
  await ime.send("Input.imeSetComposition", { text: "ㅎ", selectionStart: 1, selectionEnd: 1 });
  await ime.send("Input.imeSetComposition", { text: "한", selectionStart: 1, selectionEnd: 1 });
  await waitFor(page, (t) => t.textInput.composing === "한", "the syllable being composed");
  await sleep(100);
  await shot(page, "author-ime-composing");
  // A key pressed while composing is the input method's, not the field's: this Backspace
  // (isComposing, no keyCode 229 in Chromium's emulation) takes the syllable back without a
  // compositionend, and must not delete the space before it.
  await pressKey(page, "Backspace");
  await ime.send("Input.insertText", { text: "한글" });
  await waitFor(page, (t) => t.textInput.composing === "", "the composition committed");
  await sleep(100);
  await page.keyboard.type("!");
  await sleep(100);
  await press(page, en["teacher.author.pack.mark_reviewed"]);
  await waitFor(page, (t) => t.author.saveState === "autosaved" && t.author.unsent === 0 && t.author.roundTrips.length > 0,
    "the edit autosaved on the server", 10000);
  const autosaved = await server.teacher("GET", "drafts/group-chat");
  assert.ok(autosaved.autosave, "the server holds the autosave");
  assert.equal(JSON.parse(autosaved.autosave.text).review.by, "Test school 한글!");
  // The field let go of the keyboard: the page's keys are the canvas's again.
  await waitFor(page, (t) => !t.textInput.active, "the text input released");
  assert.notEqual(await page.evaluate(() => document.activeElement.id), "upstander-text-input");
  assert.ok(!autosaved.text.includes("Test school"), "the saved pack is not changed by an autosave");
  await sleep(200);
  await shot(page, "author-editor");

  // The tab reloaded (as after a crash or a closed tab): the draft offers its unsaved work.
  await page.reload();
  await waitFirstFrame(page);
  await waitFor(page, (t) => t.signIn === "signed-in", "signed in again", 15000);
  const back = await openAuthor();
  assert.deepEqual(back.author.drafts, ["group-chat"]);
  await press(page, "group-chat", "the draft in the list");
  await waitFor(page, (t) => t.author.open && t.author.recovery === true, "the recovery offer");
  await sleep(200);
  await shot(page, "author-recovery");
  await press(page, en["teacher.author.recover.restore"]);
  await waitFor(page, (t) => t.author.recovery === false && t.author.saveState !== "saved", "the work restored");
  await press(page, en["teacher.author.bar.save"]);
  await waitFor(page, (t) => t.author.saveState === "saved" && t.author.unsent === 0, "saved on the server", 10000);
  const saved = await server.teacher("GET", "drafts/group-chat");
  assert.ok(saved.text.includes("Test school"), "the restored edit is saved");
  assert.equal(saved.autosave, null, "saving cleared the autosave");

  // Play from here, at the second node on the map (the layout puts it right of the start).
  await page.mouse.click(403, 360);
  await waitFor(page, (t) => t.author.selected === "normal-chat", "the map's second node selected");
  const [tab] = await Promise.all([context.waitForEvent("page"), press(page, en["teacher.author.bar.play"])]);
  await tab.waitForURL(/\/\?preview=[0-9a-f]{32}&lang=en$/);
  await waitFirstFrame(tab);
  const played = await waitFor(tab, (t) => t.scenario === "group-chat" && t.node === "normal-chat", "the game at the node", 15000);
  assert.equal(played.inClass, false);
  await sleep(300);
  await tab.screenshot({ path: path.join(shots, "teacher-author-preview.png") });
  await tab.close();
  await page.bringToFront();
  assert.equal((await state(page)).missingGlyphs, 0);
  assert.deepEqual(errors, []);
  const trips = (await state(page)).author.roundTrips;
  console.log(`author mode: autosave round trip ${trips.map((t) => t.toFixed(1)).join(", ")} ms; screenshots in ${shots}`);
  await context.close();
});
