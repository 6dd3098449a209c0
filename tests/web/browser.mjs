// Helpers for the browser tests: Debian's Chromium driven by playwright-core, and a student
// who reads window.upstander (docs/web.md) and presses what is on screen by tap or by key.
import { launchChromium } from "./chromium.mjs";

export const sizes = {
  phone: { width: 390, height: 844 },
  tablet: { width: 1280, height: 800 },
};

export async function launch() {
  return launchChromium(process.env.UPSTANDER_WEB_NODE_MODULES);
}

// A fresh browser profile (nothing saved) of the given size; touch on phones.
export async function openContext(browser, size, locale) {
  const touch = size.width < 800;
  return browser.newContext({
    viewport: size,
    deviceScaleFactor: 1,
    hasTouch: touch,
    isMobile: touch,
    locale: locale === "ko" ? "ko-KR" : "en-US",
  });
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

export async function state(page) {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.upstander || {})));
}

export async function waitFirstFrame(page, timeout = 30000) {
  await page.waitForFunction(() => window.upstander && window.upstander.firstFrame, null, {
    timeout,
  });
  return state(page);
}

// Waits until `pred(state)` holds; returns that state.
export async function waitFor(page, pred, what, timeout = 10000) {
  const end = Date.now() + timeout;
  let s;
  while (Date.now() < end) {
    s = await state(page);
    if (pred(s)) return s;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(brief(s))}`);
}

export function brief(s) {
  if (!s) return s;
  const { controls, ...rest } = s;
  return { ...rest, controls: (controls || []).map((c) => `${c.key}:${c.label}`) };
}

// Dear ImGui 1.86 reads keys once a frame: a key must stay down for a few frames.
export async function pressKey(page, key) {
  await page.keyboard.down(key);
  await sleep(100);
  await page.keyboard.up(key);
}

export async function tap(page, control, useTouch) {
  const x = control.x + control.w / 2;
  const y = control.y + control.h / 2;
  if (useTouch) {
    await page.touchscreen.tap(x, y);
  } else {
    await page.mouse.move(x, y);
    await sleep(50);
    await page.mouse.down();
    await sleep(80);
    await page.mouse.up();
  }
}

const keyName = { Enter: "Enter", Esc: "Escape" };

// Presses the on-screen control that carries `key` ("1", "Enter"): by tapping it, or with
// the key itself. Returns false when no such control is on screen.
export async function press(page, s, key, how) {
  const c = (s.controls || []).find((c) => c.key === key || (c.key === "" && c.label === key));
  if (how === "keys") {
    await pressKey(page, keyName[key] || key);
    return true;
  }
  if (!c) return false;
  await tap(page, c, how === "touch");
  return true;
}

// What a student who always takes the first offer presses on each screen.
export function nextKey(s) {
  switch (s.screen) {
    case "mode":
    case "picker":
    case "content-note":
    case "class-welcome":
      return "1";
    case "join":
      return "Enter"; // the code came filled in from the QR's address
    case "pre-survey":
    case "post-survey":
      return "3";
    case "play":
      return s.choices.length > 0 ? "1" : "Enter";
    case "reflection":
      return "1";
    case "debrief":
      return "Enter";
    default:
      return null;
  }
}

// The ending stays on screen at least this long before Continue works
// (AppModel::kEndingDwellSeconds, so a class cannot press Enter straight past it).
const endingDwellMs = 3000;

// A finger put down at (x, y0), moved to (x, y1) and lifted, as real touch events (the
// game scrolls by drag: a phone has no wheel). Dear ImGui reads the pointer once a frame, so
// the moves are spread over frames.
export async function swipe(page, x, y0, y1, steps = 10) {
  const cdp = await page.context().newCDPSession(page);
  const point = (y) => [{ x, y, radiusX: 4, radiusY: 4, force: 1, id: 1 }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: point(y0) });
  await sleep(50);
  for (let i = 1; i <= steps; ++i) {
    await cdp.send("Input.dispatchTouchEvent", {
      type: "touchMove",
      touchPoints: point(y0 + ((y1 - y0) * i) / steps),
    });
    await sleep(40);
  }
  await sleep(50);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await sleep(80);
  await cdp.detach();
}

// On the debrief: waits out the dwell, then, where Continue is below the fold (a phone),
// scrolls down to it as a student would: by swiping up on a touch screen, by the wheel
// with a mouse.
async function readDebrief(page, s, how) {
  await sleep(endingDwellMs + 300);
  if (how === "keys") return state(page);
  for (let i = 0; i < 30; ++i) {
    s = await state(page);
    if ((s.controls || []).some((c) => c.key === "Enter")) return s;
    if (s.screen !== "debrief") throw new Error(`a swipe left the debrief: ${JSON.stringify(brief(s))}`);
    const vp = page.viewportSize();
    if (how === "touch") {
      await swipe(page, vp.width / 2, vp.height * 0.75, vp.height * 0.3);
    } else {
      await page.mouse.move(vp.width / 2, vp.height / 2);
      await page.mouse.wheel(0, 400);
    }
    await sleep(150);
  }
  throw new Error(`no Continue on the debrief after scrolling: ${JSON.stringify(brief(s))}`);
}

// One step: waits for the screen to settle (every message shown), presses, waits for a
// change. Returns the state before the press.
export async function step(page, how) {
  let s = await state(page);
  if (s.screen === "play" && !s.revealed) {
    s = await waitFor(page, (t) => t.revealed || t.screen !== "play", "the messages", 20000);
  }
  if (s.screen === "debrief") s = await readDebrief(page, s, how);
  const key = nextKey(s);
  if (!key) throw new Error(`no key for screen ${s.screen}: ${JSON.stringify(brief(s))}`);
  // The controls are the last drawn frame's: the choices may be in the model a frame before
  // their buttons are on screen.
  if (how !== "keys" && !(s.controls || []).some((c) => c.key === key || c.label === key)) {
    s = await waitFor(page, (t) => (t.controls || []).some((c) => c.key === key || c.label === key),
      `the control "${key}" on ${s.screen}`, 5000).catch(() => s);
  }
  const before = JSON.stringify([s.screen, s.node, s.overlay, s.choices, s.controls, s.surveyItem]);
  if (!(await press(page, s, key, how))) {
    throw new Error(`no control "${key}" on ${JSON.stringify(brief(s))}`);
  }
  await waitFor(
    page,
    (t) => JSON.stringify([t.screen, t.node, t.overlay, t.choices, t.controls, t.surveyItem]) !== before,
    `a change after pressing ${key} on ${s.screen}`,
  );
  return s;
}

// On the language screen (a first visit), picks `language`; returns the state after.
export async function chooseLanguage(page, how, language) {
  const s = await state(page);
  if (s.screen !== "language") return s;
  const name = language === "ko" ? "한국어" : "English";
  const c = s.controls.find((c) => c.label.includes(name));
  if (!c) throw new Error(`no ${name} on the language screen: ${JSON.stringify(brief(s))}`);
  if (how === "keys") await pressKey(page, c.key);
  else await tap(page, c, how === "touch");
  return waitFor(page, (t) => t.screen !== "language", "leaving the language screen");
}

// From the language screen to the finish screen; returns the nodes seen and whether an
// ending was reached.
export async function playToFinish(page, how, language, onScreen) {
  let s = await chooseLanguage(page, how, language);
  const nodes = [];
  let ending = false;
  for (let i = 0; i < 400; ++i) {
    s = await state(page);
    if (onScreen) await onScreen(s);
    if (s.screen === "finish") return { nodes, ending };
    if (s.node && nodes[nodes.length - 1] !== s.node) nodes.push(s.node);
    // An ending leads to the debrief (the model's rule): either shows the story ended.
    ending = ending || s.ending || s.screen === "debrief";
    await step(page, how);
  }
  throw new Error("did not reach the finish screen in 400 steps");
}
