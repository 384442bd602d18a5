/* FSRS-6 scheduler (Free Spaced Repetition Scheduler), plain JavaScript, no dependencies.
 * A port of the formulas of the reference implementation py-fsrs 6.3.2 (open-spaced-repetition/py-fsrs,
 * fsrs/scheduler.py: Scheduler.review_card and its helpers), without fuzzing.
 * DEFAULT_PARAMETERS are FSRS-6's published defaults, the same 21 numbers in
 *   py-fsrs   fsrs/scheduler.py   DEFAULT_PARAMETERS  (6.3.1, commit 3abe686, March 2026)
 *   fsrs-rs   src/inference.rs    DEFAULT_PARAMETERS  (commit 0cbb9d3, June 2026; the engine inside Anki)
 *   ts-fsrs   packages/fsrs/__tests__/constant.test.ts expected default_w (commit cdec8d2, June 2026)
 * w[20] is the decay of the forgetting curve (FSRS6_DEFAULT_DECAY = 0.1542).
 * A card: {st: 1 learning | 2 review | 3 relearning, step: learning step or null, s: stability (days),
 * d: difficulty (1-10), last: time of the last review (ms), due: when it comes back (ms)}; a card never
 * reviewed is null. Ratings: 1 Again, 2 Hard, 3 Good, 4 Easy. Tests: tests/js/fsrs.test.js. */
(function (root) {
  "use strict";
  var W = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
           0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542];
  var MIN = 60000, DAY = 86400000;
  var S_MIN = 0.001;
  var CONFIG = {retention: 0.9, learning: [1, 10], relearning: [10], maxInterval: 36500};   // steps in minutes
  var DECAY = -W[20], FACTOR = Math.pow(0.9, 1 / DECAY) - 1;
  var LEARNING = 1, REVIEW = 2, RELEARNING = 3;

  function clampD(d) { return Math.min(Math.max(d, 1), 10); }
  function clampS(s) { return Math.max(s, S_MIN); }
  function initStability(r) { return clampS(W[r - 1]); }
  function initDifficulty(r, noClamp) {
    var d = W[4] - Math.exp(W[5] * (r - 1)) + 1;
    return noClamp ? d : clampD(d);
  }
  function nextDifficulty(d, r) {
    var delta = -W[6] * (r - 3), damped = d + (10 - d) * delta / 9;
    return clampD(W[7] * initDifficulty(4, true) + (1 - W[7]) * damped);       // mean reversion to D0(Easy)
  }
  function shortTermStability(s, r) {
    var inc = Math.exp(W[17] * (r - 3 + W[18])) * Math.pow(s, -W[19]);
    if (r >= 2) inc = Math.max(inc, 1);     // a pass never lowers stability (fsrs-rs, py-fsrs 6.3.2)
    return clampS(s * inc);
  }
  function recallStability(d, s, R, r) {
    var hard = r === 2 ? W[15] : 1, easy = r === 4 ? W[16] : 1;
    return s * (1 + Math.exp(W[8]) * (11 - d) * Math.pow(s, -W[9]) * (Math.exp((1 - R) * W[10]) - 1) * hard * easy);
  }
  function forgetStability(d, s, R) {
    var longTerm = W[11] * Math.pow(d, -W[12]) * (Math.pow(s + 1, W[13]) - 1) * Math.exp((1 - R) * W[14]);
    return Math.min(longTerm, s / Math.exp(W[17] * W[18]));
  }
  function nextStability(d, s, R, r) {
    return clampS(r === 1 ? forgetStability(d, s, R) : recallStability(d, s, R, r));
  }
  /* Python's round(): halves go to the even neighbour (py-fsrs rounds intervals with it) */
  function roundHalfEven(x) {
    var f = Math.floor(x), diff = x - f;
    if (Math.abs(diff - 0.5) < 1e-9) return f % 2 === 0 ? f : f + 1;
    return Math.round(x);
  }
  function nextInterval(s) {                                                     // whole days, 1..maxInterval
    var days = s / FACTOR * (Math.pow(CONFIG.retention, 1 / DECAY) - 1);
    return Math.min(Math.max(roundHalfEven(days), 1), CONFIG.maxInterval);
  }
  function elapsedDays(card, now) { return Math.floor((now - card.last) / DAY); }
  function retrievability(card, now) {
    if (!card || card.last == null) return 0;
    return Math.pow(1 + FACTOR * Math.max(0, elapsedDays(card, now)) / card.s, DECAY);
  }

  /* The card after rating `r` at time `now` (ms); the card passed in is not changed. */
  function review(card, r, now) {
    var c = card ? {st: card.st, step: card.step, s: card.s, d: card.d, last: card.last}
                 : {st: LEARNING, step: 0, s: null, d: null, last: null};
    var days = c.last == null ? null : elapsedDays(c, now), minutes, graduate = false;
    if (c.s == null || c.d == null) {
      c.s = initStability(r);
      c.d = initDifficulty(r);
    } else {
      c.s = days !== null && days < 1 ? shortTermStability(c.s, r) : nextStability(c.d, c.s, retrievability(c, now), r);
      c.d = nextDifficulty(c.d, r);
    }
    if (c.st === REVIEW) {
      if (r === 1 && CONFIG.relearning.length) { c.st = RELEARNING; c.step = 0; minutes = CONFIG.relearning[0]; }
      else graduate = true;
    } else {
      var steps = c.st === LEARNING ? CONFIG.learning : CONFIG.relearning;
      if (!steps.length || (c.step >= steps.length && r > 1)) graduate = true;
      else if (r === 1) { c.step = 0; minutes = steps[0]; }
      else if (r === 2) {
        minutes = c.step === 0 ? (steps.length === 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2) : steps[c.step];
      } else if (r === 3 && c.step + 1 < steps.length) { c.step += 1; minutes = steps[c.step]; }
      else graduate = true;
    }
    var wait;
    if (graduate) { c.st = REVIEW; c.step = null; wait = nextInterval(c.s) * DAY; }
    else wait = minutes * MIN;
    c.last = now;
    c.due = now + wait;
    return c;
  }

  var api = {
    W: W, CONFIG: CONFIG, DAY: DAY, MIN: MIN, LEARNING: LEARNING, REVIEW: REVIEW, RELEARNING: RELEARNING,
    review: review, retrievability: retrievability, nextInterval: nextInterval, initStability: initStability,
    initDifficulty: initDifficulty, nextDifficulty: nextDifficulty, shortTermStability: shortTermStability,
    nextStability: nextStability
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.kbFsrs = api;
})(this);
