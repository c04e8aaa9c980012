// In-page instruments for the map benchmark: when the home map reports its grids and points drawn,
// long tasks, and requestAnimationFrame intervals while a scripted pan and zoom runs.

/**
 * Runs in the page before any of its scripts (Playwright `addInitScript`). `performance.now()` counts
 * from the navigation start, so the marks are "ms since navigation".
 */
export function installPageTiming() {
  const bench = { marks: {}, longTasks: [], frames: null };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API: the frame intervals still show stalls
  }
  const mark = (name) => {
    if (bench.marks[name] === undefined) bench.marks[name] = performance.now();
  };
  new MutationObserver(() => {
    const map = document.querySelector('[data-testid="grid-map"]');
    if (!map) return;
    if (map.hasAttribute('data-grid-count')) mark('gridsDrawn');
    if (map.hasAttribute('data-household-count')) mark('pointsDrawn');
  }).observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ['data-grid-count', 'data-household-count'],
  });
}

/** Starts recording every animation frame's interval (page context). */
export function startFrames() {
  const frames = { intervals: [], running: true, startedAt: performance.now(), stoppedAt: 0 };
  window.__bench.frames = frames;
  let last = performance.now();
  const tick = (now) => {
    if (!frames.running) return;
    frames.intervals.push(now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame((now) => {
    last = now;
    requestAnimationFrame(tick);
  });
}

/** Stops recording; returns fps, longest frame, p95 interval, frames over 50 ms, long tasks (page context). */
export function stopFrames() {
  const frames = window.__bench.frames;
  frames.running = false;
  frames.stoppedAt = performance.now();
  const intervals = [...frames.intervals].sort((a, b) => a - b);
  const total = frames.intervals.reduce((sum, d) => sum + d, 0);
  const longTasks = window.__bench.longTasks.filter(
    (t) => t.start >= frames.startedAt && t.start < frames.stoppedAt,
  );
  return {
    seconds: total / 1000,
    frames: intervals.length,
    fps: intervals.length / (total / 1000),
    longestFrameMs: intervals.at(-1) ?? 0,
    p95FrameMs: intervals[Math.floor(intervals.length * 0.95)] ?? 0,
    framesOver50ms: intervals.filter((d) => d > 50).length,
    longTasks: longTasks.length,
    longTaskMs: longTasks.reduce((sum, t) => sum + t.duration, 0),
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** MapLibre treats a wheel delta that is a multiple of this as a mouse wheel (not a trackpad). */
const WHEEL_NOTCH = 4.000244140625 * 120;

/**
 * The scripted interaction, as a person would do it with a mouse (real input events through the
 * DevTools protocol), paced by the clock so both variants get the same schedule: a circular drag,
 * seven wheel notches in (≈ +4 zoom levels, past the cluster limit), a drag at that zoom, seven
 * notches out. About 8 s.
 */
export async function panAndZoom(page, box, { whenZoomedIn } = {}) {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const drag = async (radius) => {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 60; i++) {
      const a = (i / 60) * 2 * Math.PI;
      await page.mouse.move(cx + radius * Math.sin(a), cy + radius * (1 - Math.cos(a)) * 0.6);
      await sleep(16);
    }
    await page.mouse.up();
  };
  const wheel = async (direction) => {
    await page.mouse.move(cx, cy);
    for (let i = 0; i < 7; i++) {
      await page.mouse.wheel(0, direction * WHEEL_NOTCH);
      await sleep(250);
    }
  };
  await drag(160);
  await wheel(-1);
  await sleep(300);
  await whenZoomedIn?.();
  await drag(160);
  await wheel(1);
  await sleep(300);
}
