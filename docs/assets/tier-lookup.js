/* Tier lookup: type a follower count, see each source's tier. Data and words come from the page's
   <script type="application/json" id="kb-tier-data"> (built from glossary/tiers.yaml); everything is rendered
   with textContent. parseCount mirrors parse_count in src/kb/tiers/parse.py (same notation table in tests). */
(function () {
  "use strict";

  var MULTIPLIERS = { k: 1e3, duizend: 1e3, thousand: 1e3, m: 1e6, mln: 1e6, mio: 1e6, miljoen: 1e6, million: 1e6 };
  var NUMBER = /^(\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?)(?:\s*(k|duizend|thousand|mln|mio|miljoen|million|m)\b)?$/i;

  function parseCount(text) {
    var s = String(text).trim().split(/\s+/).join(" ").replace(/\.$/, "").replace(/\s+(volgers|followers)$/i, "");
    var match = NUMBER.exec(s);
    if (!match) { return null; }
    var digits = match[1], mult = match[2] ? match[2].toLowerCase() : null, value;
    var separators = digits.replace(/\d/g, "");
    if (/^\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+$/.test(digits) && new Set(separators).size === 1) {
      value = Number(digits.replace(/\D/g, ""));
    } else if (/^\d+$/.test(digits)) {
      value = Number(digits);
    } else if (/^\d+[.,]\d+$/.test(digits) && mult) {
      value = Number(digits.replace(",", "."));
    } else {
      return null;
    }
    if (mult) { value = Math.round(value * MULTIPLIERS[mult] * 1e6) / 1e6; }
    return Number.isSafeInteger(value) ? value : null;
  }

  function formatCount(n, lang) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "nl" ? "." : ",");
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  function join(items, word) {
    return items.length < 2 ? items.join("") : items.slice(0, -1).join(", ") + " " + word + " " + items[items.length - 1];
  }

  function contains(tier, n) {
    return (tier.min === null || n >= tier.min) && (tier.max === null || n <= tier.max);
  }

  /* One source's answer: {tiers: [...], text: "..."} */
  function verdict(source, n, data) {
    var L = data.labels, name = function (id) { return L["tier_" + id]; };
    if (!source.hasNumbers) { return { tiers: [], text: L.v_no_numbers }; }
    var numeric = source.tiers.filter(function (t) { return t.min !== null || t.max !== null; });
    var hits = numeric.filter(function (t) { return contains(t, n); });
    if (hits.length === 1) {
      var hit = hits[0];
      var text = fill(L.v_in_tier, { tier: name(hit.tier), range: hit.range });
      if (hit.asWritten) { text += " — " + fill(L.as_written_quote, { text: hit.asWritten }); }
      return { tiers: [hit.tier], text: text };
    }
    if (hits.length > 1) {
      return { tiers: hits.map(function (t) { return t.tier; }),
               text: fill(L.v_boundary, { tiers: join(hits.map(function (t) { return name(t.tier); }), L.and) }) };
    }
    var lows = numeric.map(function (t) { return t.min; }), highs = numeric.map(function (t) { return t.max; });
    var low = lows.indexOf(null) >= 0 ? null : Math.min.apply(null, lows);
    var high = highs.indexOf(null) >= 0 ? null : Math.max.apply(null, highs);
    if (low !== null && n < low) { return { tiers: [], text: fill(L.v_below, { low: formatCount(low, data.lang) }) }; }
    if (high !== null && n > high) { return { tiers: [], text: fill(L.v_above, { high: formatCount(high, data.lang) }) }; }
    for (var i = 0; i + 1 < numeric.length; i++) {
      var a = numeric[i], b = numeric[i + 1];
      if (a.max !== null && b.min !== null && n > a.max && n < b.min) {
        return { tiers: [], text: fill(L.v_gap, { a: name(a.tier), b: name(b.tier) }) };
      }
    }
    return { tiers: [], text: fill(L.v_gap, { a: "?", b: "?" }) };
  }

  function summary(answers, data) {
    var L = data.labels, counts = {}, order = [];
    answers.forEach(function (v) {
      if (!v.tiers.length) { return; }
      var key = v.tiers.map(function (id) { return L["tier_" + id]; }).join(" + ");
      if (!(key in counts)) { counts[key] = 0; order.push(key); }
      counts[key] += 1;
    });
    if (!order.length) { return L.lookup_nobody; }
    if (order.length === 1) { return fill(L.lookup_agree, { tier: order[0] }); }
    order.sort(function (x, y) { return counts[y] - counts[x]; });
    var groups = order.map(function (key) {
      return fill(L.lookup_group, { tier: key, n: counts[key],
                                    sources: counts[key] === 1 ? L.lookup_source_one : L.lookup_source_many });
    });
    return fill(L.lookup_disagree, { groups: join(groups, L.and) });
  }

  function moveMarker(n, lang) {
    var svg = document.querySelector(".kb-tier-chart__svg"), marker = document.getElementById("kb-tier-marker");
    if (!svg || !marker) { return; }
    var x0 = Number(svg.dataset.x0), x1 = Number(svg.dataset.x1);
    var lo = Number(svg.dataset.logMin), hi = Number(svg.dataset.logMax);
    var value = Math.min(Math.max(Math.log10(Math.max(n, 1)), lo), hi);
    var x = (x0 + (value - lo) / (hi - lo) * (x1 - x0)).toFixed(1);
    var line = marker.querySelector("line"), label = marker.querySelector("text");
    line.setAttribute("x1", x); line.setAttribute("x2", x);
    label.setAttribute("x", x);
    label.textContent = formatCount(n, lang);
    marker.setAttribute("visibility", "visible");
  }

  /* A shared link tiers/?n=8000 (or ?n=25k, the notations one may type): a count from 1 to MAX_SHARED, ASCII digits
     only; anything else (markup, signs, 0, huge or full-width numbers) gets a message instead of an answer. */
  var MAX_SHARED = 1e10;
  function sharedCount(raw) {
    if (raw.length > 40 || !/^[0-9]/.test(raw)) { return null; }
    var n = parseCount(raw);
    return n !== null && n >= 1 && n <= MAX_SHARED ? n : null;
  }
  /* Write the count to the address bar (?n=), so the page can be shared or bookmarked; other parameters stay. */
  function remember(n) {
    try {
      var url = new URL(window.location.href);
      if (n === null) { url.searchParams.delete("n"); } else { url.searchParams.set("n", String(n)); }
      window.history.replaceState(window.history.state, "", url.href);
    } catch (err) { /* an address the browser will not rewrite (some file:// set-ups): the answer still shows */ }
  }
  function say(out, text) {
    var p = document.createElement("p");
    p.className = "kb-tier-lookup__error";
    p.textContent = text;
    out.appendChild(p);
  }

  function render(input, out, data) {
    var L = data.labels, n = parseCount(input.value);
    out.textContent = "";
    if (n === null) {
      input.setAttribute("aria-invalid", "true");
      say(out, L.lookup_invalid);
      remember(null);
      return;
    }
    remember(n >= 1 && n <= MAX_SHARED ? n : null);
    input.removeAttribute("aria-invalid");
    var answers = data.sources.map(function (s) { return verdict(s, n, data); });
    var head = document.createElement("p");
    head.className = "kb-tier-lookup__summary";
    var strong = document.createElement("strong");
    strong.textContent = summary(answers, data);
    head.appendChild(strong);
    var intro = document.createElement("p");
    intro.textContent = fill(L.lookup_heading, { n: formatCount(n, data.lang) });
    var list = document.createElement("ul");
    list.className = "kb-tier-lookup__list";
    data.sources.forEach(function (source, i) {
      var item = document.createElement("li"), who = document.createElement("strong");
      item.dataset.source = source.id;
      item.dataset.tiers = answers[i].tiers.join(" ");
      who.textContent = source.name + ": ";
      item.appendChild(who);
      item.appendChild(document.createTextNode(answers[i].text));
      list.appendChild(item);
    });
    out.appendChild(head);
    out.appendChild(intro);
    out.appendChild(list);
    moveMarker(n, data.lang);
  }

  function init() {
    scrollHints();
    var root = document.getElementById("tier-lookup-widget"), source = document.getElementById("kb-tier-data");
    if (!root || !source || root.dataset.ready) { return; }
    var data;
    try { data = JSON.parse(source.textContent); } catch (err) { return; }
    root.dataset.ready = "true";
    var form = root.querySelector("form"), input = root.querySelector("input"), out = root.querySelector("[aria-live]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      render(input, out, data);
    });
    root.classList.remove("kb-tier-lookup--waiting");   /* its place was kept: the page does not jump */
    var shared = new URLSearchParams(window.location.search).get("n");   // tiers/?n=8000 opens with an answer
    if (shared !== null) {
      var count = sharedCount(shared);
      if (count === null) {
        out.textContent = "";
        say(out, data.labels.lookup_shared_invalid);
      } else {
        input.value = shared;
        render(input, out, data);
      }
    }
  }

  /* On a narrow screen the chart and the wide tables scroll sideways inside their own box: say so above the box
     (a visible hint, not a silent scroll), and take the hint away when the box fits. The words are the box's own
     (data-kb-scroll-hint, written in the page's language by src/kb/tiers/render.py). */
  function scrollHints() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-scroll-hint]"), function (box) {
      var more = box.scrollWidth > box.clientWidth + 1, hint = box.previousElementSibling;
      if (!hint || !hint.classList.contains("kb-scroll-hint")) {
        if (!more) { return; }
        hint = document.createElement("p");
        hint.className = "kb-scroll-hint";
        hint.setAttribute("aria-hidden", "true");   /* the box itself is a named, focusable group */
        hint.textContent = box.getAttribute("data-kb-scroll-hint");
        box.parentNode.insertBefore(hint, box);
      }
      hint.hidden = !more;
      box.setAttribute("data-kb-scroll", more ? "more" : "fits");
    });
  }
  var resizing = 0;
  window.addEventListener("resize", function () { clearTimeout(resizing); resizing = setTimeout(scrollHints, 150); });

  window.kbTierLookup = { parseCount: parseCount };
  /* A deferred script runs before Material's deferred bundle (document order): wait for DOMContentLoaded,
     which comes after both, then for Material's document$, which emits once Material has set the page up
     (tables wrapped, among others: the scroll hints measure them). */
  function boot() {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
    else init();
  }
  var deferred = document.currentScript && document.currentScript.defer;
  if (document.readyState === "loading" || deferred) document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
