// Solo play from a plain static web server (what a school's site or a USB folder gives):
// a phone played by taps in Korean, a tablet by keys in English, both to an ending; a reload
// mid-scenario resumes at the same node; screenshots at both sizes in both languages.
// Run by scripts/test-web with UPSTANDER_WEB_URL pointing at the served bundle.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test, after, before } from "node:test";

import {
  chooseLanguage,
  launch,
  openContext,
  playToFinish,
  pressKey,
  sizes,
  state,
  step,
  waitFirstFrame,
  waitFor,
} from "./browser.mjs";

const url = process.env.UPSTANDER_WEB_URL;
const shots = process.env.UPSTANDER_WEB_SCREENSHOTS;
let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function open(size, language) {
  const context = await openContext(browser, size, language);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  const s = await waitFirstFrame(page);
  return { context, page, errors, first: s };
}

// Screenshots of each screen met (the first time it shows), for people to look at.
function screenshotter(page, name) {
  const seen = new Set();
  return async (s) => {
    if (!shots) return;
    const id = s.screen === "play" && s.ending ? "ending" : s.screen;
    if (seen.has(id)) return;
    seen.add(id);
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, `${name}-${id}.png`) });
  };
}

test("a phone plays a scenario to an ending by taps, in Korean", async () => {
  const { context, page, errors, first } = await open(sizes.phone, "ko");
  assert.equal(first.screen, "language");
  const shoot = screenshotter(page, "phone-ko");
  let storyBarChecked = false;
  const result = await playToFinish(page, "touch", "ko", async (s) => {
    await shoot(s);
    if (s.screen !== "play") return;
    // The break, skip, leave and help stay whole on a phone held upright, each a finger's
    // 44 px (the bar wraps rather than pushing one off the screen).
    for (const label of ["잠깐 쉴래요", "이 장면 건너뛰기", "나가기", "도움받기"]) {
      const c = s.controls.find((c) => c.label === label);
      assert.ok(c, `${label} is on screen: ${JSON.stringify(s.controls.map((c) => c.label))}`);
      assert.ok(c.x >= 0 && c.x + c.w <= sizes.phone.width, `${label} fits: ${JSON.stringify(c)}`);
      assert.ok(c.w >= 44 && c.h >= 44, `${label} is big enough to tap: ${JSON.stringify(c)}`);
    }
    storyBarChecked = true;
  });
  assert.ok(storyBarChecked);
  assert.ok(result.ending, "an ending node was shown");
  assert.ok(result.nodes.length >= 3, `several nodes were played: ${result.nodes}`);
  const s = await state(page);
  assert.equal(s.screen, "finish");
  assert.equal(s.language, "ko");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a tablet plays a scenario to an ending by keys, in English", async () => {
  const { context, page, errors } = await open(sizes.tablet, "en");
  const result = await playToFinish(page, "keys", "en", screenshotter(page, "tablet-en"));
  assert.ok(result.ending);
  assert.equal((await state(page)).language, "en");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a reload mid-scenario resumes at the same node; the language is kept", async () => {
  const { context, page } = await open(sizes.phone, "en");
  const s0 = await state(page);
  const en = s0.controls.find((c) => c.label.includes("English"));
  await page.touchscreen.tap(en.x + en.w / 2, en.y + en.h / 2);
  let s = await waitFor(page, (t) => t.screen === "mode", "the mode screen");
  // Into the story, a few nodes deep.
  for (let i = 0; i < 40 && !(s.screen === "play" && s.node && i > 8); ++i) {
    await step(page, "touch");
    s = await state(page);
  }
  assert.equal(s.screen, "play");
  const node = s.node;
  // The save is in IndexedDB once no write is running.
  await waitFor(page, (t) => t.storage && !t.storage.busy && t.storage.writes > 0, "the save");
  await page.reload();
  const again = await waitFirstFrame(page);
  const resumed = await waitFor(page, (t) => t.screen !== "", "a screen", 5000);
  assert.equal(resumed.screen, "play", JSON.stringify(again.screen));
  assert.equal(resumed.node, node);
  assert.equal(resumed.language, "en");
  // A new page in the same profile (a closed tab opened again) resumes too.
  await page.close();
  const tab = await context.newPage();
  await tab.goto(url);
  await waitFirstFrame(tab);
  const reopened = await state(tab);
  assert.equal(reopened.screen, "play");
  assert.equal(reopened.node, node);
  await context.close();
});

test("screenshots at 390x844 and 1280x800 in Korean and English", async () => {
  if (!shots) return;
  for (const [name, size] of Object.entries({ "390x844": sizes.phone, "1280x800": sizes.tablet })) {
    for (const language of ["ko", "en"]) {
      const { context, page } = await open(size, language);
      const shot = screenshotter(page, `${name}-${language}`);
      await playToFinish(page, size === sizes.phone ? "touch" : "mouse", language, shot);
      await shot(await state(page));
      await context.close();
    }
  }
});

// The colour emoji's glyphs are PNG images: a FreeType built without libpng drew them as
// nothing ("React with " and a gap). The pixels of the choice that carries 😂 must hold the
// emoji's yellow.
test("colour emoji are drawn in colour", async () => {
  const { context, page, errors } = await open(sizes.tablet, "en");
  let s = await chooseLanguage(page, "keys", "en");
  await pressKey(page, "1"); // on my own
  const title = JSON.parse(fs.readFileSync(new URL("../../content/scenarios/group-chat.json", import.meta.url))).title.en;
  // The controls are the last drawn frame's: wait for the picker's cards, not only its name.
  s = await waitFor(page, (t) => t.screen === "picker" && t.controls.some((c) => c.label.includes(title)), "the picker");
  const card = s.controls.find((c) => c.label.includes(title));
  assert.ok(card, `the group chat is offered: ${JSON.stringify(s.controls.map((c) => c.label))}`);
  await pressKey(page, card.key);
  await waitFor(page, (t) => t.screen === "content-note", "the content note");
  await pressKey(page, "1");
  s = await waitFor(page, (t) => t.screen === "pre-survey" || t.screen === "play", "the story");
  for (let i = 0; i < 20 && s.screen === "pre-survey"; ++i) {
    await pressKey(page, "s");
    s = await waitFor(page, (t) => t.screen !== "pre-survey" || t.surveyItem !== s.surveyItem, "the next question");
  }
  for (let i = 0; i < 10 && !s.choices.some((c) => c.includes("😂")); ++i) {
    await step(page, "keys");
    s = await state(page);
  }
  s = await waitFor(page, (t) => t.controls.some((c) => c.label.includes("😂")), "the 😂 choice on screen").catch(() => s);
  const choice = s.controls.find((c) => c.label.includes("😂"));
  assert.ok(choice, `a choice with 😂 is on screen: ${JSON.stringify(s.controls.map((c) => c.label))}`);
  // What the student sees (the compositor's pixels, whichever way the game draws).
  const png = await page.screenshot({ clip: { x: choice.x, y: choice.y, width: choice.w, height: choice.h } });
  const yellow = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext("2d");
    g.drawImage(img, 0, 0);
    const data = g.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] > 200 && data[i + 1] > 150 && data[i + 2] < 90) ++n;
    }
    return n;
  }, png.toString("base64"));
  assert.ok(yellow > 40, `the emoji's yellow is drawn (${yellow} yellow pixels)`);
  assert.deepEqual(errors, []);
  await context.close();
});
