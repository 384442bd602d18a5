/* Influencer Knowledge Base: practice that remembers. Plain JavaScript, no framework, no network.
 * The deck (assets/practice-deck-<lang>.js, see src/kb/quiz/practice.py) is loaded with a <script> element, so it
 * also works from disk (file://). FSRS-6 (fsrs.js, loaded first) decides when a card comes back. Progress stays in
 * localStorage under one versioned key; whatever is stored there is checked field by field before use, so
 * corrupt, foreign or huge data means a fresh start with a notice, never a broken page. All text is written with
 * textContent, never as HTML. */
(function () {
  "use strict";
  var APP = "kb-practice", MASTERED = 21, AHEAD = 20 * 60000, MAX_TEXT = 2000000, MAX_CARDS = 20000, MORE = 10;
  var ID = /^[tds]:[A-Za-z0-9_.:-]{1,200}$/, DAYKEY = /^\d{4}-\d\d-\d\d$/;
  var own = Object.prototype.hasOwnProperty;

  function el(tag, props, kids) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      var v = props[k];
      if (v === null || v === undefined || v === false) return;
      if (k === "text") node.textContent = v;
      else if (k === "on") Object.keys(v).forEach(function (ev) { node.addEventListener(ev, v[ev]); });
      else node.setAttribute(k, v === true ? "" : v);
    });
    (kids || []).forEach(function (c) { if (c) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }
  function isNum(v, lo, hi) { return typeof v === "number" && isFinite(v) && v >= lo && v <= hi; }
  function isInt(v, lo, hi) { return isNum(v, lo, hi) && v % 1 === 0; }
  function isObj(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function dayKey(ms) {
    var d = new Date(ms), p = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate());
  }
  function dayStart(ms) { var d = new Date(ms); return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime(); }

  /* One stored card, checked; null if anything is off. */
  function cleanCard(c) {
    if (!isObj(c) || !isInt(c.st, 1, 3) || !(c.step === null || isInt(c.step, 0, 20)) || !isNum(c.s, 0.001, 1e6)
        || !isNum(c.d, 1, 10) || !isInt(c.last, 0, 1e14) || !isInt(c.due, 0, 1e14)) return null;
    return {st: c.st, step: c.step, s: c.s, d: c.d, last: c.last, due: c.due};
  }
  /* Stored text -> {data, bad: number of unreadable cards, reset: the whole thing was unusable} */
  function parseStore(text) {
    var fresh = {app: APP, v: 1, langs: Object.create(null)}, raw;
    if (text === null || text === undefined) return {data: fresh, bad: 0, reset: false};
    if (typeof text !== "string" || text.length > MAX_TEXT) return {data: fresh, bad: 0, reset: true};
    try { raw = JSON.parse(text); } catch (e) { return {data: fresh, bad: 0, reset: true}; }
    if (!isObj(raw) || raw.app !== APP || raw.v !== 1 || !isObj(raw.langs)) return {data: fresh, bad: 0, reset: true};
    var bad = 0, total = 0;
    Object.keys(raw.langs).forEach(function (lang) {
      var L = raw.langs[lang];
      if (!/^[a-z]{2}$/.test(lang) || !isObj(L) || !isObj(L.cards)) return;      // not a language of ours
      var out = {cards: Object.create(null), day: DAYKEY.test(L.day) ? L.day : "",
                 nw: isInt(L.nw, 0, 1e5) ? L.nw : 0, extra: isInt(L.extra, 0, 1e5) ? L.extra : 0};
      Object.keys(L.cards).forEach(function (id) {
        var c = ID.test(id) && total < MAX_CARDS ? cleanCard(L.cards[id]) : null;
        if (c) { out.cards[id] = c; total++; } else bad++;
      });
      fresh.langs[lang] = out;
    });
    return {data: fresh, bad: bad, reset: false};
  }

  function init() {
    var root = document.querySelector("[data-kb-practice]");
    if (!root || root.getAttribute("data-ready")) return;
    var labels, meta;
    try {
      labels = JSON.parse(document.getElementById("kb-practice-labels").textContent);
      meta = JSON.parse(document.getElementById("kb-practice-meta").textContent);
    } catch (e) { return; }
    root.setAttribute("data-ready", "1");
    function t(key, vals) {
      var s = labels[key] || key;
      Object.keys(vals || {}).forEach(function (k) { s = s.split("{" + k + "}").join(vals[k]); });
      return s;
    }
    root.replaceChildren(el("p", {text: t("loading")}));
    function failed() { root.replaceChildren(el("p", {class: "kb-practice__error", role: "alert", text: t("no_deck")})); }
    var ready = function () {
      var deck = window.kbPracticeDeck && window.kbPracticeDeck[meta.lang];
      if (Array.isArray(deck) && window.kbFsrs) start(root, t, meta, deck); else failed();
    };
    if (window.kbPracticeDeck && window.kbPracticeDeck[meta.lang]) return ready();
    var script = el("script", {src: meta.deck});
    script.addEventListener("load", ready);
    script.addEventListener("error", failed);
    document.head.appendChild(script);
  }

  function start(root, t, meta, deck) {
    var F = window.kbFsrs, lang = meta.lang, key = meta.key;
    var byId = Object.create(null);
    deck.forEach(function (c) { byId[c.id] = c; });
    var store, L, current = null, revealed = false, notices = [], kept = true;

    function load() {
      var text = null, res;
      try { text = localStorage.getItem(key); } catch (e) { kept = false; notices.push(t("storage_off")); }
      res = parseStore(text);
      if (res.reset) notices.push(t("storage_reset"));
      else if (res.bad) notices.push(t("storage_partial", {n: res.bad}));
      store = res.data;
      if (!store.langs[lang]) store.langs[lang] = {cards: Object.create(null), day: "", nw: 0, extra: 0};
      L = store.langs[lang];
    }
    function save() {
      try { localStorage.setItem(key, JSON.stringify(store)); }
      catch (e) { if (kept) say(t("storage_off")); kept = false; }
    }
    function today(now) { if (L.day !== dayKey(now)) { L.day = dayKey(now); L.nw = 0; L.extra = 0; } }

    /* due cards first (earliest first), then new ones within today's limit (siblings of a card studied today
     * wait for another day), then a learning card that is due within 20 minutes */
    function pick(now) {
      var due = [], soon = [], seenToday = Object.create(null), since = dayStart(now), id, c;
      for (id in L.cards) {
        c = L.cards[id];
        if (!byId[id]) continue;
        if (c.last >= since) seenToday[byId[id].g] = 1;
        if (c.due <= now) due.push(id); else if (c.st !== F.REVIEW && c.due <= now + AHEAD) soon.push(id);
      }
      var order = function (a, b) { return L.cards[a].due - L.cards[b].due; };
      due.sort(order); soon.sort(order);
      var fresh = newCards(seenToday);
      return {due: due.length, fresh: fresh.length,
              id: due[0] || fresh[0] || soon[0] || null, isNew: !due[0] && !!fresh[0]};
    }
    function newCards(seenToday) {
      var left = meta.new_per_day + L.extra - L.nw, out = [], taken = Object.create(null);
      for (var i = 0; i < deck.length && out.length < left; i++) {
        var c = deck[i];
        if (L.cards[c.id] || seenToday[c.g] || taken[c.g]) continue;
        taken[c.g] = 1;
        out.push(c.id);
      }
      return out;
    }
    function unseen() { return deck.filter(function (c) { return !L.cards[c.id]; }).length; }

    var live = el("p", {class: "kb-practice__status", role: "status"});
    var counts = el("p", {class: "kb-practice__counts"});
    var stage = el("div", {class: "kb-practice__stage"});
    var bars = el("ul", {class: "kb-practice__bars"});
    var file = el("input", {type: "file", id: "kb-practice-file", accept: ".json,application/json",
                            class: "kb-practice__file", on: {change: importFile}});
    root.replaceChildren(
      el("section", {"aria-labelledby": "kb-practice-today"}, [
        el("h2", {id: "kb-practice-today", text: t("today")}), counts, live, stage,
        el("p", {class: "kb-practice__help", text: t("keys_help")})]),
      el("section", {"aria-labelledby": "kb-practice-progress"}, [
        el("h2", {id: "kb-practice-progress", text: t("progress_title")}),
        el("p", {text: t("progress_intro", {n: MASTERED})}),
        el("p", {class: "kb-practice__legend"}, ["mastered", "learning", "new"].map(function (k) {
          return el("span", {}, [el("span", {class: "kb-practice__swatch is-" + k, "aria-hidden": "true"}), t(k)]);
        })), bars]),
      el("section", {"aria-labelledby": "kb-practice-move"}, [
        el("h2", {id: "kb-practice-move", text: t("move_title")}), el("p", {text: t("move_intro")}),
        el("p", {class: "kb-practice__actions"}, [
          el("button", {type: "button", class: "md-button", text: t("export"), on: {click: exportFile}}),
          el("span", {class: "kb-practice__import"}, [el("label", {for: "kb-practice-file", text: t("import")}), file])])]));
    function say(msg) {
      live.textContent = "";
      setTimeout(function () { live.textContent = msg; }, 60);
    }

    function when(ms) {
      return ms < 86400000 ? t("in_minutes", {n: Math.max(1, Math.round(ms / 60000))})
                           : t("in_days", {n: Math.round(ms / 86400000)});
    }
    function link(c) {
      return el("a", {href: meta.term_url.split("{id}").join(encodeURIComponent(c.g)), text: t("read_more", {t: c.gt})});
    }
    function show(focus) {
      var now = Date.now();
      today(now);
      save();
      var next = pick(now);
      counts.textContent = t("counts", {due: next.due, new: next.fresh, done: doneToday(now)});
      drawBars();
      revealed = false;
      current = next.id ? byId[next.id] : null;
      if (!current) return done(now, focus);
      var c = current, front;
      var kids = [el("p", {class: "kb-practice__kind", text: t("kind_" + c.k) + " · " + t(next.isNew ? "card_new" : "card_due")})];
      if (c.k === "s") {
        kids.push(el("p", {class: "kb-practice__ask", text: c.q}));
        front = el("p", {class: "kb-practice__front", id: "kb-practice-front", tabindex: "-1", text: c.s ? "“" + c.s + "”" : c.q});
        kids.push(front, scenarioForm(c));
      } else {
        kids.push(el("p", {class: "kb-practice__ask", text: t("ask_" + c.k)}));
        front = el("p", {class: "kb-practice__front", id: "kb-practice-front", tabindex: "-1", text: c.f});
        kids.push(front, el("p", {class: "kb-practice__reveal"}, [el("button", {type: "button", class: "md-button md-button--primary",
                                                    "aria-keyshortcuts": "Space", text: t("reveal"), on: {click: reveal}})]));
      }
      stage.replaceChildren(el("article", {class: "kb-practice__card", "aria-labelledby": "kb-practice-front",
                                           "data-card": c.id}, kids));
      if (focus) front.focus();
    }
    function doneToday(now) {
      var n = 0, since = dayStart(now);
      for (var id in L.cards) if (L.cards[id].last >= since && byId[id]) n++;
      return n;
    }
    function scenarioForm(c) {
      var opts = c.o.map(function (text, i) {
        return el("label", {class: "kb-practice__option"}, [
          el("input", {type: "radio", name: "kb-practice-answer", value: String(i)}), el("span", {text: text})]);
      });
      return el("form", {class: "kb-practice__form", on: {submit: function (ev) {
        ev.preventDefault();
        var picked = stage.querySelector("input[name=kb-practice-answer]:checked");
        if (!picked) { say(t("choose_first")); stage.querySelector("input[name=kb-practice-answer]").focus(); return; }
        reveal(parseInt(picked.value, 10));
      }}}, [el("fieldset", {}, [el("legend", {text: t("answer")}), el("div", {class: "kb-practice__options"}, opts)]),
            el("button", {type: "submit", class: "md-button md-button--primary", text: t("check")})]);
    }
    function reveal(chosen) {
      if (!current || revealed) return;
      revealed = true;
      var c = current, card = stage.querySelector(".kb-practice__card"), back, now = Date.now(), parts = [];
      card.querySelectorAll("button, input").forEach(function (b) { b.disabled = true; });
      var shown = card.querySelector(".kb-practice__reveal");
      if (shown) shown.remove();
      if (c.k === "s") {
        var right = chosen === c.a;
        parts.push(el("p", {class: "kb-practice__verdict " + (right ? "is-right" : "is-wrong")}, [
          el("span", {"aria-hidden": "true", text: right ? "✓ " : "✗ "}), el("strong", {text: t(right ? "correct" : "incorrect")})]));
        if (!right) parts.push(el("p", {text: t("right_answer", {a: c.o[c.a]})}));
        parts.push(el("p", {text: c.x}));
        if (!right) parts.push(el("p", {class: "kb-practice__hint", text: t("wrong_hint")}));
      } else {
        parts.push(el("p", {class: "kb-practice__answer", text: c.b}));
      }
      parts.push(el("p", {}, [link(c)]));
      back = el("div", {class: "kb-practice__back", tabindex: "-1"}, [el("h3", {text: t("answer")})].concat(parts));
      var prev = L.cards[c.id] || null;
      var buttons = [1, 2, 3, 4].map(function (r) {
        var after = F.review(prev, r, now);
        return el("button", {type: "button", class: "md-button kb-practice__rate kb-practice__rate--" + r,
                             "data-rate": String(r), "aria-keyshortcuts": String(r), on: {click: function () { rate(r); }}}, [
          el("span", {class: "kb-practice__key", "aria-hidden": "true", text: String(r)}), " ",
          el("span", {text: t("rate_" + r)}), " ", el("span", {class: "kb-practice__ivl", text: when(after.due - now)})]);
      });
      card.appendChild(back);
      card.appendChild(el("fieldset", {class: "kb-practice__rating"}, [el("legend", {text: t("rate_legend")})].concat(buttons)));
      back.focus();
    }
    function rate(r) {
      if (!current || !revealed) return;
      var now = Date.now(), c = current, prev = L.cards[c.id] || null;
      today(now);
      if (!prev) L.nw++;
      var after = F.review(prev, r, now);
      L.cards[c.id] = {st: after.st, step: after.step, s: after.s, d: after.d, last: after.last, due: after.due};
      show(true);
      say(t("rated", {r: t("rate_" + r), when: when(after.due - now)}));
    }
    function done(now, focus) {
      var nextDue = null;
      for (var id in L.cards) if (byId[id] && (nextDue === null || L.cards[id].due < nextDue)) nextDue = L.cards[id].due;
      var head = el("h3", {class: "kb-practice__done", tabindex: "-1", text: t("done_title")});
      var kids = [head, el("p", {text: nextDue ? t("done_next", {when: new Date(nextDue).toLocaleString(lang,
                    {dateStyle: "long", timeStyle: "short"})}) : t("done_none")})];
      var left = unseen();
      if (left) kids.push(el("p", {}, [el("button", {type: "button", class: "md-button", text: t("more_new", {n: Math.min(MORE, left)}),
                                                     on: {click: function () { L.extra += MORE; show(true); }}})]));
      stage.replaceChildren(el("div", {class: "kb-practice__card"}, kids));
      if (focus) head.focus();
    }

    function drawBars() {
      var groups = [{name: t("total"), ids: deck}];
      Object.keys(meta.categories).forEach(function (cat) {
        var ids = deck.filter(function (c) { return c.c === cat; });
        if (ids.length) groups.push({name: meta.categories[cat], ids: ids});
      });
      bars.replaceChildren.apply(bars, groups.map(function (g) {
        var m = 0, l = 0;
        g.ids.forEach(function (c) {
          var s = L.cards[c.id];
          if (s && s.st === F.REVIEW && s.s >= MASTERED) m++; else if (s) l++;
        });
        var n = g.ids.length - m - l, pct = function (x) { return (100 * x / g.ids.length).toFixed(2) + "%"; };
        return el("li", {class: "kb-practice__row"}, [
          el("span", {class: "kb-practice__cat", text: g.name}),
          el("span", {class: "kb-practice__bar", "aria-hidden": "true"}, [
            el("span", {class: "is-mastered", style: "width:" + pct(m)}), el("span", {class: "is-learning", style: "width:" + pct(l)}),
            el("span", {class: "is-new", style: "width:" + pct(n)})]),
          el("span", {class: "kb-practice__nums", text: t("bar_text", {m: m, l: l, n: n, t: g.ids.length})})]);
      }));
    }

    function exportFile() {
      var name = "kb-practice-" + dayKey(Date.now()) + ".json";
      var blob = new Blob([JSON.stringify(store, null, 1)], {type: "application/json"});
      var a = el("a", {href: URL.createObjectURL(blob), download: name, class: "kb-practice__file"});
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
      say(t("exported", {f: name}));
    }
    function importFile() {
      var f = file.files && file.files[0];
      if (!f) return;
      if (f.size > MAX_TEXT) { file.value = ""; return say(t("import_big")); }
      var reader = new FileReader();
      reader.onload = function () {
        file.value = "";
        var res = parseStore(String(reader.result));
        if (res.reset || !Object.keys(res.data.langs).length) return say(t("import_bad"));
        var n = 0;
        Object.keys(res.data.langs).forEach(function (lg) {
          var from = res.data.langs[lg], into = store.langs[lg];
          if (!into) { store.langs[lg] = from; n += Object.keys(from.cards).length; return; }
          Object.keys(from.cards).forEach(function (id) {     /* the later review of a card wins */
            if (!into.cards[id] || into.cards[id].last < from.cards[id].last) { into.cards[id] = from.cards[id]; n++; }
          });
        });
        L = store.langs[lang];
        show(true);
        say(t("imported", {n: n}));
      };
      reader.onerror = function () { file.value = ""; say(t("import_bad")); };
      reader.readAsText(f);
    }

    document.addEventListener("keydown", function (ev) {
      if (ev.altKey || ev.ctrlKey || ev.metaKey || !current) return;
      var tgt = ev.target, tag = tgt && tgt.tagName, k = ev.key;
      if (/^(INPUT|TEXTAREA|SELECT)$/.test(tag) || (tgt && tgt.isContentEditable)) return;
      if (!root.contains(tgt) && tgt !== document.body) return;
      if (!revealed && current.k !== "s" && (k === " " || k === "Enter")) {
        if (/^(BUTTON|A)$/.test(tag)) return;            // the focused control acts itself
        reveal();
      } else if (revealed && /^[1-4]$/.test(k)) rate(parseInt(k, 10));
      else return;
      ev.preventDefault();
    });

    load();
    show(false);
    if (notices.length) say(notices.join(" "));
  }

  /* A deferred script runs before Material's deferred bundle (document order): wait for DOMContentLoaded,
     which comes after both, so the page is as Material leaves it. */
  var deferred = document.currentScript && document.currentScript.defer;
  if (document.readyState === "loading" || deferred) document.addEventListener("DOMContentLoaded", init);
  else init();
})();
