/* Influencer Knowledge Base quiz. Plain JavaScript, no framework, no network.
 * Views: the student quiz (default), ?mode=present (projector), ?mode=key (answer key), ?mode=sheet (worksheet).
 * ?seed=…&n=…&topic=… picks the same questions in the same order for everyone; the selection mirrors
 * src/kb/quiz/bank.py (select, option_order). All text is written with textContent, never as HTML. */
(function () {
  "use strict";
  var SCRIPT = document.currentScript ? document.currentScript.src : "";
  var STORE = "kb-quiz:v1:";
  var LENGTHS = [5, 10, 20];
  var SVG = "http://www.w3.org/2000/svg";

  /* FNV-1a + mulberry32: a small seeded random generator, identical in src/kb/quiz/bank.py */
  function hash(s) {
    var x = 2166136261;
    for (var i = 0; i < s.length; i++) { x ^= s.charCodeAt(i); x = Math.imul(x, 16777619) >>> 0; }
    return x;
  }
  function seeded(seed) {
    var a = hash(seed);
    return function () {
      a = (a + 0x6D2B79F5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function shuffle(list, rand) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(rand() * (i + 1)), tmp = list[i];
      list[i] = list[j]; list[j] = tmp;
    }
    return list;
  }
  function isInt(v, lo, hi) { return typeof v === "number" && v % 1 === 0 && v >= lo && v <= hi; }
  function okSeed(s) { return typeof s === "string" && /^[A-Za-z0-9_-]{1,32}$/.test(s); }

  /* el("p", {class: "x", text: "…", on: {click: f}}, [children]) — text always via textContent */
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

  /* node.replaceChildren(...kids) without the null/false ones: the DOM turns null into the text "null" */
  function fill(node, kids) {
    node.replaceChildren.apply(node, kids.filter(function (c) { return c !== null && c !== undefined && c !== false; }));
  }

  /* The question bank is a file of its own (assets/quiz-bank-<lang>.js, see src/kb/quiz/page.py), loaded
   * with a <script> element so that it also works in the offline copy opened from disk. */
  function init() {
    var root = document.querySelector("[data-kb-quiz]");
    if (!root || root.getAttribute("data-ready")) return;
    var labels, meta;
    try {
      labels = JSON.parse(document.getElementById("kb-quiz-labels").textContent);
      meta = JSON.parse(document.getElementById("kb-quiz-meta").textContent);
    } catch (e) { return; }
    root.setAttribute("data-ready", "1");
    var loaded = window.kbQuizBank && window.kbQuizBank[meta.lang];
    if (loaded) return start(root, labels, meta, loaded);
    var script = el("script", {src: meta.bank});
    script.addEventListener("load", function () {
      var bank = window.kbQuizBank && window.kbQuizBank[meta.lang];
      if (Array.isArray(bank)) start(root, labels, meta, bank);
      else failed();
    });
    script.addEventListener("error", failed);
    document.head.appendChild(script);
    function failed() {
      var entry = labels.no_bank || {}, lang = (document.documentElement.lang || meta.lang || "en").slice(0, 2);
      root.textContent = "";
      root.appendChild(el("p", {class: "kb-quiz__error", role: "alert", text: entry[lang] || entry.en}));
    }
  }

  function start(root, labels, meta, bank) {
    var lang = (document.documentElement.lang || meta.lang || "en").slice(0, 2);
    var topics = ["all"].concat(meta.topics);
    var byId = Object.create(null);   /* no inherited keys: a stored id "__proto__" or "constructor" finds nothing */
    bank.forEach(function (q) { byId[q.id] = q; });
    function pageOf(key) {
      return key === "tiers" ? meta.tiers_url : meta.term_url.split("{id}").join(encodeURIComponent(key));
    }

    function t(key, vals) {
      var entry = labels[key] || {}, s = entry[lang] || entry.en || key;   /* words: src/kb/core/words/*.yaml */
      Object.keys(vals || {}).forEach(function (k) { s = s.split("{" + k + "}").join(vals[k]); });
      return s;
    }
    var live = el("div", {class: "kb-quiz__live", role: "status", "aria-live": "polite"});
    var app = el("div", {class: "kb-quiz__app"});
    root.textContent = "";
    root.appendChild(app);
    root.appendChild(live);
    /* a message above the quiz that outlives every redraw of `app` (a rejected link, unreadable saved progress) */
    function notice(msg) {
      root.insertBefore(el("p", {class: "kb-quiz__notice", role: "status", text: msg}), app);
    }
    function announce(msg) {
      live.textContent = "";
      setTimeout(function () { live.textContent = msg; }, 60);
    }

    /* the seeded set: same seed, length and topic => same questions, same order, same option order */
    function pick(set) {
      var pool = bank.filter(function (q) { return set.topic === "all" || q.t === set.topic; });
      return shuffle(pool, seeded(set.seed + "|" + set.topic)).slice(0, set.n);
    }
    function order(q, seed) {
      var idx = q.o.map(function (_, i) { return i; });
      return q.f ? idx : shuffle(idx, seeded(seed + "|" + q.id));
    }
    /* The set a link names, or null. Only plain ASCII digits count as a number ("10abc", "１０", "1e1" do not). */
    function fromUrl(p) {
      var raw = p.get("n"), n = raw === null ? 10 : /^[0-9]{1,2}$/.test(raw) ? Number(raw) : NaN;
      var topic = p.get("topic") === null ? "all" : p.get("topic");
      if (!okSeed(p.get("seed")) || !isInt(n, 1, 50) || topics.indexOf(topic) < 0) return null;
      return {seed: p.get("seed"), n: n, topic: topic};
    }
    /* `u` without its query and fragment, naming the set instead (and the view, `mode`) */
    function withSet(u, set, mode) {
      u.search = ""; u.hash = "";
      u.searchParams.set("seed", set.seed);
      u.searchParams.set("n", String(set.n));
      u.searchParams.set("topic", set.topic);
      if (mode) u.searchParams.set("mode", mode);
      return u;
    }
    function link(set, mode) { return withSet(new URL(location.href), set, mode).href; }
    /* The trainers' page with this set filled in: students are not offered the answer key from here (issue 16) */
    function trainersLink(set) {
      var u = withSet(new URL(meta.trainers_url, location.href), set);
      u.hash = "set";
      return u.href;
    }
    function newSeed() { return Math.random().toString(36).slice(2, 8) || "kb"; }
    function letter(i) { return String.fromCharCode(65 + i); }
    function topicName(topic) { return t("topic_" + topic); }
    function readMore(q) {
      return q.g ? el("a", {href: pageOf(q.g), text: t("read_more", {t: q.gt || q.g})}) : null;
    }
    function prompt(q, tag, cls) {
      return el(tag, {class: cls}, [el("span", {class: "kb-quiz__lead", text: q.q}),
        q.s ? el("span", {class: "kb-quiz__stim", text: "“" + q.s + "”"}) : null]);
    }

    /* Scroll so that `node` starts just below Material's sticky header (the question, its Check or Next button
     * and the verdict are then on screen; those buttons also stick to the bottom edge when the question is long). */
    function bringIntoView(node) {
      var header = document.querySelector(".md-header"), below = header ? header.getBoundingClientRect().bottom : 0;
      var top = node.getBoundingClientRect().top;
      var bar = node.querySelector(".kb-quiz__bar"), end = bar && bar.previousElementSibling;   /* what the bar follows */
      if (top >= below && (!end || end.getBoundingClientRect().bottom + bar.offsetHeight <= innerHeight)) return;
      window.scrollTo(0, Math.max(0, window.pageYOffset + top - Math.max(below, 0) - 8));
    }

    var params = new URLSearchParams(location.search);
    var set = fromUrl(params);
    if (!set && (params.has("seed") || params.has("n") || params.has("topic"))) notice(t("bad_link"));
    var mode = params.get("mode");
    if (mode === "present") return presenter(set);
    if (mode === "key" || mode === "sheet") return printable(set, mode === "key");
    return student(set);

    /* ------------------------------------------------------------ student view */
    function student(urlSet) {
      var key = STORE + lang, S = null;
      function save() { try { localStorage.setItem(key, JSON.stringify(S)); } catch (e) { /* private mode */ } }
      var saved = null;
      try { saved = localStorage.getItem(key); } catch (e) { /* storage blocked */ }
      function stored() {
        var s;
        try { s = JSON.parse(saved); } catch (e) { s = null; }
        if (!s || typeof s !== "object" || s.v !== 1 || !okSeed(s.seed) || !isInt(s.n, 1, 50)
            || topics.indexOf(s.topic) < 0 || !Array.isArray(s.ids) || !Array.isArray(s.ans)
            || !s.ids.length || s.ids.length > 50 || s.ids.length !== s.ans.length || !isInt(s.i, 0, s.ids.length)) {
          return null;
        }
        for (var k = 0; k < s.ids.length; k++) {
          var q = typeof s.ids[k] === "string" ? byId[s.ids[k]] : undefined;
          if (!q || !isInt(s.ans[k], -1, q.o.length - 1)) return null;
        }
        return s;
      }
      function fresh(set) {
        var qs = pick(set);
        return {v: 1, seed: set.seed, n: set.n, topic: set.topic,
                ids: qs.map(function (q) { return q.id; }), ans: qs.map(function () { return -1; }), i: 0};
      }
      var old = stored();
      if (!old && saved !== null) {
        try { localStorage.removeItem(key); } catch (e) { /* ignore */ }
        notice(t("storage_reset"));
      }
      if (urlSet) {
        S = old && old.seed === urlSet.seed && old.n === urlSet.n && old.topic === urlSet.topic ? old : fresh(urlSet);
      } else if (old) {
        S = old;
        history.replaceState(null, "", link(S));
      }
      if (!S) return setup();
      if (S === old && S.i > 0 && S.i < S.ids.length) announce(t("restored", {i: S.i + 1, n: S.ids.length}));
      show();

      function show(focus) {
        save();
        if (!S.ids.length) {
          app.replaceChildren(el("p", {text: t("empty")}));
          return setup(true);
        }
        if (S.i >= S.ids.length) results(); else question();
        if (focus) {
          var target = app.querySelector("[data-focus]");
          if (target) target.focus({preventScroll: true});
          bringIntoView(app);
        }
      }
      function score() {
        return S.ids.filter(function (id, k) { return S.ans[k] === byId[id].a; }).length;
      }
      function question() {
        var q = byId[S.ids[S.i]], chosen = S.ans[S.i], checked = chosen >= 0, last = S.i === S.ids.length - 1;
        var options = order(q, S.seed).map(function (idx) {
          var mark = null;
          if (checked && idx === q.a) mark = "✓ " + t("mark_right");
          else if (checked && idx === chosen) mark = "✗ " + t("mark_yours");
          return el("label", {class: "kb-quiz__option" + (checked && idx === q.a ? " is-right" : "")
                                + (checked && idx === chosen && idx !== q.a ? " is-wrong" : "")}, [
            el("input", {type: "radio", name: "kb-quiz-answer", value: String(idx), checked: idx === chosen,
                         disabled: checked}),
            el("span", {text: q.o[idx]}),
            mark ? el("span", {class: "kb-quiz__mark", text: mark}) : null]);
        });
        var form = el("form", {class: "kb-quiz__form", on: {submit: check}}, [
          el("fieldset", {"data-q": q.id}, [prompt(q, "legend", ""), el("div", {class: "kb-quiz__options"}, options)]),
          checked ? null : el("div", {class: "kb-quiz__bar"}, [
            el("button", {type: "submit", class: "md-button md-button--primary", text: t("check")})])]);
        var now = S.i + 1, of = t("question_of", {i: now, n: S.ids.length});
        var parts = [el("p", {class: "kb-quiz__progress", tabindex: "-1", "data-focus": checked ? null : "1",
                              text: of + " · " + t("score_so_far", {s: score()})}),
          el("div", {class: "kb-quiz__meter", role: "progressbar", "aria-label": t("progress"), "aria-valuemin": "0",
                     "aria-valuemax": String(S.ids.length), "aria-valuenow": String(now), "aria-valuetext": of}, [
            el("span", {style: "width:" + (100 * now / S.ids.length).toFixed(1) + "%"})])];
        if (checked) {          /* right or wrong first, then the marked options, then the (long) explanation */
          var right = chosen === q.a;
          parts.push(el("div", {class: "kb-quiz__feedback " + (right ? "is-right" : "is-wrong")}, [
            el("p", {class: "kb-quiz__verdict"}, [el("span", {"aria-hidden": "true", text: right ? "✓ " : "✗ "}),
                                                  el("strong", {text: t(right ? "correct" : "incorrect")})]),
            right ? null : el("p", {text: t("right_answer", {a: q.o[q.a]})})]));
          parts.push(form, el("div", {class: "kb-quiz__explain"}, [el("p", {text: q.x}), el("p", {}, [readMore(q)])]));
          parts.push(el("div", {class: "kb-quiz__bar"}, [
            el("button", {type: "button", class: "md-button md-button--primary", "data-focus": "1",
                          text: t(last ? "finish" : "next"), on: {click: function () { S.i++; show(true); }}})]));
        } else parts.push(form);
        parts.push(share());
        fill(app, parts);
      }
      function check(ev) {
        ev.preventDefault();
        var picked = app.querySelector("input[name=kb-quiz-answer]:checked");
        if (!picked) {
          announce(t("choose_first"));
          app.querySelector("input[name=kb-quiz-answer]").focus();
          return;
        }
        var q = byId[S.ids[S.i]];
        S.ans[S.i] = parseInt(picked.value, 10);
        show(true);
        var right = S.ans[S.i] === q.a;
        announce(t(right ? "correct" : "incorrect") + ". " + (right ? "" : t("right_answer", {a: q.o[q.a]})));
      }
      function results() {
        var good = score(), wrong = S.ids.filter(function (id, k) { return S.ans[k] !== byId[id].a; });
        var parts = [el("h2", {class: "kb-quiz__score", tabindex: "-1", "data-focus": "1",
                               text: t("score", {s: good, n: S.ids.length})})];
        if (!wrong.length) parts.push(el("p", {text: t("all_right")}));
        else {
          parts.push(el("h3", {text: t("mistakes")}));
          parts.push(el("ol", {class: "kb-quiz__review"}, wrong.map(function (id) {
            var q = byId[id], k = S.ids.indexOf(id);
            return el("li", {}, [prompt(q, "p", "kb-quiz__review-q"),
              el("p", {text: "✗ " + t("your_answer", {a: S.ans[k] >= 0 ? q.o[S.ans[k]] : "–"})}),
              el("p", {text: "✓ " + t("right_answer", {a: q.o[q.a]})}),
              el("p", {text: q.x}), el("p", {}, [readMore(q)])]);
          })));
        }
        var buttons = el("p", {class: "kb-quiz__actions"}, [
          wrong.length ? el("button", {type: "button", class: "md-button md-button--primary",
                                       text: t("retry", {n: wrong.length}), on: {click: function () {
            S.ids = wrong; S.ans = wrong.map(function () { return -1; }); S.i = 0; show(true);
          }}}) : null,
          el("button", {type: "button", class: "md-button", text: t("new_quiz"), on: {click: function () {
            try { localStorage.removeItem(key); } catch (e) { /* ignore */ }
            history.replaceState(null, "", location.pathname);
            S = null; setup();
          }}})]);
        parts.push(buttons, share());
        fill(app, parts);
        announce(t("done") + " " + t("score", {s: good, n: S.ids.length}));
      }
      function share() {
        var url = link(S), field = el("input", {type: "text", readonly: true, value: url, id: "kb-quiz-share",
                                                class: "kb-quiz__url"});
        return el("div", {class: "kb-quiz__share"}, [
          el("p", {text: t("share")}),
          el("label", {for: "kb-quiz-share", text: t("share_label")}), field,
          el("button", {type: "button", class: "md-button", text: t("copy"), on: {click: function () {
            field.select();
            var done = function () { announce(t("copied")); };
            if (navigator.clipboard) navigator.clipboard.writeText(url).then(done, function () {
              try { document.execCommand("copy"); done(); } catch (e) { /* ignore */ }
            });
            else { try { document.execCommand("copy"); done(); } catch (e) { /* ignore */ } }
          }}}),
          el("p", {class: "kb-quiz__trainers"}, [t("trainers") + " ",
            el("a", {href: trainersLink(S), text: t("trainers_link")}), "."])]);
      }
      function setup(keep) {
        var topic = el("select", {id: "kb-quiz-topic"}, topics.map(function (tp) {
          return el("option", {value: tp, text: topicName(tp)});
        }));
        var length = el("select", {id: "kb-quiz-length"}, LENGTHS.map(function (n) {
          return el("option", {value: String(n), text: String(n), selected: n === 10});
        }));
        var form = el("form", {class: "kb-quiz__setup", on: {submit: function (ev) {
          ev.preventDefault();
          var chosen = {seed: newSeed(), n: parseInt(length.value, 10), topic: topic.value};
          history.replaceState(null, "", link(chosen));
          S = fresh(chosen);
          show(true);                                   /* brings question 1 and its Check button into view */
        }}}, [el("h2", {text: t("setup_title")}),
              el("p", {}, [el("label", {for: "kb-quiz-topic", text: t("topic")}), topic]),
              el("p", {}, [el("label", {for: "kb-quiz-length", text: t("length")}), length]),
              el("button", {type: "submit", class: "md-button md-button--primary", text: t("start")})]);
        if (keep) app.appendChild(form); else app.replaceChildren(form);
      }
    }

    /* ------------------------------------------------------------ presenter view (projector) */
    function presenter(urlSet) {
      var set = urlSet || {seed: newSeed(), n: 10, topic: "all"};
      if (!urlSet) history.replaceState(null, "", link(set, "present"));
      document.body.classList.add("kb-quiz-presenting");
      var qs = pick(set), shown = false, at = /^#q(\d+)$/.exec(location.hash);
      var i = at ? Math.min(Math.max(parseInt(at[1], 10) - 1, 0), Math.max(qs.length - 1, 0)) : 0;   /* survives a reload */
      var stage = el("div", {class: "kb-present__stage", id: "kb-present-stage"});
      var qr = el("div", {class: "kb-present__qr"});
      /* Opened from disk (the offline copy) the page's own address is a file path no phone can open: the QR code
       * then carries the published address (the page's canonical link, written from site_url), or is left out. */
      var students = link(set), offline = location.protocol === "file:";
      if (offline) students = published(set);
      var join = el("aside", {class: "kb-present__join", id: "kb-present-join"}, [el("h2", {text: t("join")}),
        students ? qr : el("p", {class: "kb-present__noqr", text: t("qr_offline")}),
        students && offline ? el("p", {text: t("qr_published")}) : null,
        students ? el("p", {class: "kb-present__url", text: students}) : null,
        el("p", {}, [el("a", {href: link(set), text: t("leave")})])]);
      var qrButton = el("button", {type: "button", class: "md-button", "aria-controls": "kb-present-join",
                                   "aria-expanded": "true", text: t("qr_hide"), on: {click: toggleQr}});
      var fullButton = document.fullscreenEnabled && document.documentElement.requestFullscreen
        ? el("button", {type: "button", class: "md-button", text: t("full"), on: {click: toggleFull}}) : null;
      var controls = el("div", {class: "kb-present__controls"}, [
        el("button", {type: "button", class: "md-button", text: t("prev_short"), on: {click: function () { go(-1); }}}),
        el("button", {type: "button", class: "md-button md-button--primary", "data-reveal": "1", text: t("reveal"),
                      on: {click: reveal}}),
        el("button", {type: "button", class: "md-button", text: t("next_short"), on: {click: function () { go(1); }}}),
        qrButton, fullButton]);
      var board = el("div", {class: "kb-present"}, [el("div", {class: "kb-present__main"}, [stage, controls,
        el("p", {class: "kb-present__help", text: t("keys_help")})]), join]);
      app.replaceChildren(board);
      if (students) loadQr(function () { drawQr(qr, students); });
      document.addEventListener("fullscreenchange", function () {
        if (fullButton) fullButton.textContent = t(document.fullscreenElement ? "full_exit" : "full");
      });
      function toggleQr() {
        var hide = !join.hidden;
        join.hidden = hide;
        board.classList.toggle("kb-present--noqr", hide);
        qrButton.textContent = t(hide ? "qr_show" : "qr_hide");
        qrButton.setAttribute("aria-expanded", hide ? "false" : "true");
      }
      function toggleFull() {
        if (!fullButton) return;
        var p = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen();
        if (p && p.catch) p.catch(function () { /* refused by the browser: the page stays as it is */ });
      }
      function go(step) {
        if (!qs.length) return;
        var next = Math.min(Math.max(i + step, 0), qs.length - 1);
        if (next !== i) { i = next; shown = false; draw(); }
      }
      function reveal() {
        if (!qs.length || shown) return;
        var focused = document.activeElement === controls.querySelector("[data-reveal]");
        shown = true;
        draw();
        if (focused) controls.querySelector("[data-reveal]").nextSibling.focus();   /* the button it was is disabled */
      }
      function draw() {
        var button = controls.querySelector("[data-reveal]");
        if (!qs.length) { stage.replaceChildren(el("p", {text: t("empty")})); button.disabled = true; return; }
        var q = qs[i], ord = order(q, set.seed), l = letter(ord.indexOf(q.a));
        history.replaceState(null, "", link(set, "present") + "#q" + (i + 1));
        var items = ord.map(function (idx, pos) {
          var right = shown && idx === q.a;
          return el("li", {class: right ? "is-right" : ""}, [el("span", {class: "kb-present__letter", text: letter(pos)}),
            el("span", {text: q.o[idx]}), right ? el("strong", {class: "kb-quiz__mark", text: "✓ " + t("mark_right")}) : null]);
        });
        /* the answer is shown once, in its option; the box below names its letter and explains */
        fill(stage, [
          el("p", {class: "kb-present__meta", text: t("question_of", {i: i + 1, n: qs.length})}),
          el("div", {"data-q": q.id}, [prompt(q, "h2", "kb-present__q")]),
          el("ol", {class: "kb-present__options"}, items),
          shown ? el("div", {class: "kb-present__answer"}, [
            el("p", {}, [el("strong", {text: "✓ " + t("answer_letter", {l: l})})]),
            el("p", {text: q.x})]) : null]);
        button.disabled = shown;
        announce(shown ? t("answer_is", {l: l, a: q.o[q.a]}) : t("question_of", {i: i + 1, n: qs.length}));
      }
      window.addEventListener("keydown", function (ev) {   /* capture: Material's own n/p page keys never see it */
        if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
        var tag = ev.target && ev.target.tagName, k = ev.key;
        if (/^(INPUT|TEXTAREA|SELECT)$/.test(tag)) return;
        if ((k === " " || k === "Enter") && /^(BUTTON|A)$/.test(tag)) return;   // let the focused control act
        if (k === "n" || k === "N" || k === "ArrowRight" || k === "PageDown") go(1);
        else if (k === "p" || k === "P" || k === "ArrowLeft" || k === "PageUp") go(-1);
        else if (k === "r" || k === "R" || k === " ") reveal();
        else if (k === "q" || k === "Q") toggleQr();
        else if ((k === "f" || k === "F") && fullButton) toggleFull();
        else return;
        ev.preventDefault();
        ev.stopPropagation();
      }, true);
      draw();
    }
    /* The students' link on the published site: the canonical address of this page (site_url + path; in the
     * offline copy it ends in quiz.html, published as quiz/) with the set. Null when the page names none. */
    function published(set) {
      var canon = document.querySelector("link[rel=canonical]"), u;
      try { u = new URL(canon.getAttribute("href")); } catch (e) { return null; }
      if (!/^https?:$/.test(u.protocol)) return null;
      u.pathname = u.pathname.replace(/index\.html$/, "").replace(/\.html$/, "/");
      return withSet(u, set).href;
    }
    function loadQr(done) {
      if (window.qrcode) return done();
      var s = document.createElement("script");
      s.src = new URL("vendor/qrcode-generator.js", SCRIPT || location.href).href;
      s.onload = done;
      document.head.appendChild(s);
    }
    function drawQr(box, text) {
      var code = window.qrcode(0, "M");
      code.addData(text);
      code.make();
      var n = code.getModuleCount(), d = "";
      for (var r = 0; r < n; r++) for (var c = 0; c < n; c++) if (code.isDark(r, c)) d += "M" + c + " " + r + "h1v1h-1z";
      var svg = document.createElementNS(SVG, "svg");
      svg.setAttribute("viewBox", "-4 -4 " + (n + 8) + " " + (n + 8));
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", t("qr_alt", {u: text}));
      var bg = document.createElementNS(SVG, "rect"), path = document.createElementNS(SVG, "path");
      bg.setAttribute("x", "-4"); bg.setAttribute("y", "-4");
      bg.setAttribute("width", String(n + 8)); bg.setAttribute("height", String(n + 8)); bg.setAttribute("fill", "#fff");
      path.setAttribute("d", d); path.setAttribute("fill", "#000");
      svg.appendChild(bg); svg.appendChild(path);
      box.replaceChildren(svg);
    }

    /* ------------------------------------------------------------ answer key and worksheet (print) */
    function printable(urlSet, withAnswers) {
      var set = urlSet || {seed: newSeed(), n: 10, topic: "all"};
      if (!urlSet) history.replaceState(null, "", link(set, withAnswers ? "key" : "sheet"));
      document.body.classList.add("kb-quiz-print");
      var qs = pick(set);
      app.replaceChildren(el("div", {class: "kb-key" + (withAnswers ? " kb-key--answers" : "")}, [
        el("h1", {text: t(withAnswers ? "key_title" : "sheet_title")}),
        el("p", {class: "kb-key__info", text: t("set_info", {seed: set.seed, n: qs.length, topic: topicName(set.topic)})}),
        el("p", {class: "kb-key__url", text: link(set)}),
        withAnswers ? null : el("p", {class: "kb-key__name", text: t("name_line")}),
        el("p", {class: "kb-key__print"}, [el("button", {type: "button", class: "md-button", text: t("print"),
                                                          on: {click: function () { window.print(); }}})]),
        el("ol", {class: "kb-key__list"}, qs.map(function (q) {
          var ord = order(q, set.seed);
          return el("li", {class: "kb-key__item", "data-q": q.id}, [prompt(q, "p", "kb-key__q"),
            el("ol", {class: "kb-key__options", type: "A"}, ord.map(function (idx) {
              var right = withAnswers && idx === q.a;
              return el("li", {class: right ? "is-right" : ""}, [
                withAnswers ? null : el("span", {class: "kb-key__box", "aria-hidden": "true", text: "☐ "}),
                el("span", {text: q.o[idx]}),
                right ? el("strong", {class: "kb-quiz__mark", text: " ✓ " + t("mark_right")}) : null]);
            })),
            withAnswers ? el("p", {class: "kb-key__x"}, [el("strong", {text: t("explanation") + " "}), q.x + " ",
                                                         readMore(q)]) : null]);
        }))]));
    }
  }

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
