// Unit tests of docs/assets/fsrs.js against the shared table tests/js/fsrs-cases.json (made with py-fsrs, the
// reference implementation: tests/js/make_fsrs_cases.py). Run: node --test tests/js/  (pytest runs it too).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const fs = require("node:fs");
const fsrs = require(path.join(__dirname, "..", "..", "docs", "assets", "fsrs.js"));
const data = JSON.parse(fs.readFileSync(path.join(__dirname, "fsrs-cases.json"), "utf8"));

const close = (actual, expected, what) =>
  assert.ok(Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected)), `${what}: ${actual} != ${expected}`);

test("the parameters are FSRS-6's published defaults, as in the reference implementation", () => {
  assert.deepEqual(fsrs.W, data.parameters);
  assert.equal(fsrs.W.length, 21);
  assert.equal(fsrs.CONFIG.retention, data.desired_retention);
  assert.deepEqual(fsrs.CONFIG.learning, data.learning_steps_minutes);
  assert.deepEqual(fsrs.CONFIG.relearning, data.relearning_steps_minutes);
});

for (const row of data.rows) {
  test(`table: ${row.name}`, () => {
    const now = data.t0_ms + Math.round(row.elapsed_days * fsrs.DAY);
    const card = row.card ? {...row.card, due: row.card.last} : null;
    const before = card ? JSON.stringify(card) : null;
    const after = fsrs.review(card, row.rating, now);
    close(after.s, row.expect.s, "stability");
    close(after.d, row.expect.d, "difficulty");
    assert.equal(after.st, row.expect.st, "state");
    assert.equal(after.step, row.expect.step, "step");
    close((after.due - now) / fsrs.MIN, row.expect.interval_minutes, "interval (minutes)");
    assert.equal(after.last, now);
    if (card) assert.equal(JSON.stringify(card), before, "the card passed in is not changed");
  });
}

test("sequence: py-fsrs test_review_card (reviewed when due)", () => {
  const seq = data.sequences[0];
  let card = null, now = seq.start_ms;
  const intervals = seq.ratings.map((r) => {
    card = fsrs.review(card, r, now);
    const days = Math.floor((card.due - card.last) / fsrs.DAY);
    now = card.due;
    return days;
  });
  assert.deepEqual(intervals, seq.expect_interval_days);
});

test("sequence: py-fsrs test_memo_state (stability and difficulty after six reviews)", () => {
  const seq = data.sequences[1];
  let card = null, now = seq.start_ms;
  seq.ratings.forEach((r, i) => { now += seq.gaps_days[i] * fsrs.DAY; card = fsrs.review(card, r, now); });
  close(card.s, seq.expect_s, "stability");
  close(card.d, seq.expect_d, "difficulty");
});

test("retrievability is 0.9 after exactly S days (the desired retention gives interval = S)", () => {
  const card = {st: 2, step: null, s: 12, d: 5, last: 0, due: 0};
  close(fsrs.retrievability(card, 12 * fsrs.DAY), 0.9, "R(S)");
  assert.equal(fsrs.retrievability(null, 0), 0);
  assert.equal(fsrs.nextInterval(12.4), 12);
  assert.equal(fsrs.nextInterval(0.01), 1, "at least one day");
  assert.equal(fsrs.nextInterval(1e9), fsrs.CONFIG.maxInterval, "at most the maximum interval");
});

test("ten Easy ratings in a row drive difficulty to its floor of 1", () => {
  let card = null;
  for (let i = 0; i < 10; i++) card = fsrs.review(card, 4, 1000 + i);
  assert.equal(card.d, 1);
});
