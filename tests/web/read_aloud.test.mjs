// Read-aloud in the browser: the game finds the page's voices, offers the setting only where
// one exists for the game's language, says each line through speechSynthesis, repeats the
// line by tap or R, and falls silent during a break. Headless Chromium has no voices of its
// own, so a recording speechSynthesis (the Web Speech API's shape) stands in for the
// device's; the game's code around it is the shipped code.
// Run by scripts/test-web with UPSTANDER_WEB_URL pointing at the served bundle.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test, after, before } from "node:test";

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

const url = process.env.UPSTANDER_WEB_URL;
const shots = process.env.UPSTANDER_WEB_SCREENSHOTS;

async function shoot(page, name) {
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// A speechSynthesis with the given voices that records every utterance and cancel in
// window.__heard and "speaks" each utterance for 150 ms.
function installVoices(langs) {
  const voices = langs.map((lang, i) => ({
    lang,
    name: `Test ${lang}`,
    voiceURI: `test-${lang}`,
    localService: true,
    default: i === 0,
  }));
  const heard = (window.__heard = []);
  const synth = {
    speaking: false,
    pending: false,
    paused: false,
    getVoices: () => voices,
    speak(u) {
      heard.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name });
      setTimeout(() => u.onend && u.onend({}), 150);
    },
    cancel() {
      heard.push({ cancel: true });
    },
    pause() {},
    resume() {},
    addEventListener() {},
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = class {
    constructor(text) {
      this.text = text;
    }
  };
}

async function open(size, language, voices) {
  const context = await openContext(browser, size, language);
  await context.addInitScript(installVoices, voices);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  await waitFirstFrame(page);
  await chooseLanguage(page, size === sizes.phone ? "touch" : "mouse", language);
  return { context, page, errors };
}

const heard = (page) => page.evaluate(() => window.__heard.slice());
const said = async (page) => (await heard(page)).filter((h) => h.text).map((h) => h.text);

async function tapLabel(page, label, how = "touch") {
  const s = await waitFor(
    page,
    (t) => (t.controls || []).some((c) => c.label === label),
    `the control "${label}"`,
  );
  await tap(page, s.controls.find((c) => c.label === label), how === "touch");
}

async function openSettings(page, settingsLabel, how = "touch") {
  await tapLabel(page, settingsLabel, how);
  // The controls are the last drawn frame's: wait for the panel's own Done (Esc) button, not
  // just the overlay's name, which is published a frame before its buttons are drawn.
  return waitFor(
    page,
    (t) => t.overlay === "settings" && t.controls.some((c) => c.key === "Esc"),
    "the settings",
  );
}

test("a Korean phone reads the story aloud in Korean, repeats a line on tap, and stops for a break", async () => {
  const { context, page, errors } = await open(sizes.phone, "ko", ["ko-KR", "en-US"]);
  const settings = await openSettings(page, "설정");
  assert.ok(settings.controls.some((c) => c.label === "소리 내어 읽기: 끔"), "offered, off by default");
  await tapLabel(page, "소리 내어 읽기: 끔");
  await waitFor(page, (t) => t.controls.some((c) => c.label === "소리 내어 읽기: 켬"), "the setting on");
  await shoot(page, "phone-ko-settings-read-aloud");
  await tapLabel(page, "완료");
  await waitFor(page, (t) => t.overlay === "none" && t.readAloud === true, "read-aloud on");
  assert.deepEqual(await said(page), [], "menus are not read");

  // Into the first scenario (its survey questions are read too) up to a decision.
  let s = await state(page);
  for (let i = 0; i < 60 && !(s.screen === "play" && s.choices.length > 0); ++i) {
    await step(page, "touch");
    s = await state(page);
  }
  assert.equal(s.screen, "play");
  const choiceLines = s.choices.map((c, i) => `${i + 1}번: ${c}`);
  const end = Date.now() + 20000;
  let lines = [];
  while (Date.now() < end) {
    lines = await said(page);
    if (choiceLines.every((l) => lines.includes(l))) break;
    await sleep(100);
  }
  await shoot(page, "phone-ko-play-read-aloud");
  for (const l of choiceLines) assert.ok(lines.includes(l), `"${l}" was said: ${JSON.stringify(lines.slice(-8))}`);
  const all = await heard(page);
  assert.ok(all.filter((h) => h.text).every((h) => h.lang === "ko-KR" && h.voice === "Test ko-KR"), "in Korean, with the Korean voice");
  assert.ok(lines.some((l) => /[가-힣]/.test(l)), "the texts are Korean");

  // "다시 듣기" says the line being heard (the last choice) again, cutting what was said.
  const before = (await heard(page)).length;
  await tapLabel(page, "다시 듣기");
  let after;
  for (let i = 0; i < 40; ++i) {
    after = (await heard(page)).slice(before);
    if (after.some((h) => h.text)) break;
    await sleep(50);
  }
  assert.deepEqual(after.slice(0, 2), [{ cancel: true }, { text: choiceLines[choiceLines.length - 1], lang: "ko-KR", voice: "Test ko-KR" }]);

  // A break silences the game at once, and nothing is said while it lasts.
  await tapLabel(page, "잠깐 쉴래요");
  await waitFor(page, (t) => t.overlay === "pause", "the break");
  await sleep(300);
  const atBreak = (await heard(page)).length;
  assert.deepEqual((await heard(page)).slice(-1), [{ cancel: true }]);
  await sleep(1500);
  assert.equal((await heard(page)).length, atBreak, "silent during the break");
  assert.deepEqual(errors, []);
  await context.close();
});

test("R repeats the line on a keyboard, in English", async () => {
  const { context, page, errors } = await open(sizes.tablet, "en", ["ko-KR", "en-US"]);
  await openSettings(page, "Settings", "mouse");
  await tapLabel(page, "Read aloud: off", "mouse");
  await waitFor(page, (t) => t.controls.some((c) => c.label === "Read aloud: on"), "the setting on");
  await pressKey(page, "Escape");
  await waitFor(page, (t) => t.overlay === "none", "the settings closed");
  let s = await state(page);
  for (let i = 0; i < 60 && s.screen !== "play"; ++i) {
    await step(page, "keys");
    s = await state(page);
  }
  const first = await state(page);
  let lines = [];
  for (let i = 0; i < 100 && lines.length === 0; ++i) {
    lines = (await said(page)).slice(-1);
    await sleep(50);
  }
  assert.equal(lines.length, 1, `the first play screen was read: ${JSON.stringify(first.node)}`);
  await sleep(600); // the voice is idle again: "again" is the last line heard
  const last = (await said(page)).slice(-1)[0];
  const before = (await heard(page)).length;
  await pressKey(page, "r");
  let after = [];
  for (let i = 0; i < 40 && !after.some((h) => h.text); ++i) {
    await sleep(50);
    after = (await heard(page)).slice(before);
  }
  assert.deepEqual(after.slice(0, 2), [{ cancel: true }, { text: last, lang: "en-US", voice: "Test en-US" }]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("where the device has no voice for the game's language, read-aloud is not offered", async () => {
  const { context, page, errors } = await open(sizes.phone, "en", ["ko-KR"]);
  const settings = await openSettings(page, "Settings");
  await sleep(300);
  const labels = (await state(page)).controls.map((c) => c.label);
  assert.ok(settings.controls.some((c) => c.label.startsWith("High contrast")), JSON.stringify(labels));
  assert.ok(!labels.some((l) => l.startsWith("Read aloud")), `no read-aloud: ${JSON.stringify(labels)}`);
  assert.equal((await state(page)).readAloud, false);
  assert.deepEqual(await said(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
