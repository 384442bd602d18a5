/* Influencer Knowledge Base: the short definition of a term, shown next to every link to a term page.
 * Shown on hover and on keyboard focus; WCAG 1.4.13: it can be dismissed with Esc without moving the pointer or
 * focus, the pointer can move onto it without it closing, and it stays until the pointer leaves, focus moves
 * on or Esc is pressed. Never inside the quiz (.kb-quiz: a definition would give answers away), never for a
 * link to the page itself. The definitions come from assets/kb-definitions-<lang>.js (kb.glossary.tooltips),
 * loaded with a <script> element (so it also works in the offline copy opened from disk) when a link is first
 * hovered or focused. Plain JavaScript;
 * every text is written with textContent. */
(function () {
  "use strict";
  var SCRIPT = document.currentScript ? document.currentScript.src : "";
  var TERM = /\/glossary\/([a-z0-9][a-z0-9-]*)(?:\/(?:index\.html)?|\.html)$/;
  var HIDE_DELAY = 400;
  var tip, current = null, hideTimer = null, dismissed = null;

  function lang() { return (document.documentElement.getAttribute("lang") || "nl").slice(0, 2); }
  function defs() { return (window.kbDefinitions || {})[lang()] || null; }

  function entryOf(link) {
    if (!link || !link.getAttribute || link.closest(".kb-quiz, .md-header, .md-tabs, .md-sidebar, .md-footer, .md-search")) return null;
    var href = link.getAttribute("href");
    if (!href || href.charAt(0) === "#") return null;
    var url;
    try { url = new URL(href, document.baseURI); } catch (e) { return null; }
    var match = TERM.exec(url.pathname);
    if (!match) return null;
    var here = TERM.exec(location.pathname);
    if (here && here[1] === match[1]) return null;
    var table = defs();
    return table && table[match[1]] ? match[1] : null;
  }

  function ensureTip() {
    if (tip) return tip;
    tip = document.createElement("div");
    tip.id = "kb-tip";
    tip.className = "kb-tip md-typeset";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", function () { scheduleHide(); });
    document.body.appendChild(tip);
    return tip;
  }

  function show(link, id) {
    var d = defs()[id], box = ensureTip();
    clearTimeout(hideTimer);
    if (current && current !== link) current.removeAttribute("aria-describedby");
    current = link;
    var term = document.createElement("strong");
    term.className = "kb-tip__term";
    term.textContent = d.t;
    var text = document.createElement("span");
    text.className = "kb-tip__text";
    text.textContent = d.d;
    box.replaceChildren(term, text);
    box.hidden = false;
    link.setAttribute("aria-describedby", "kb-tip");
    place(link, box);
  }

  function place(link, box) {
    var r = link.getBoundingClientRect(), vw = document.documentElement.clientWidth;
    box.style.maxWidth = Math.min(352, vw - 16) + "px";
    var w = box.offsetWidth, h = box.offsetHeight;
    var left = Math.max(8, Math.min(r.left, vw - w - 8));
    var below = r.bottom + 6, above = r.top - h - 6;
    var top = (below + h > window.innerHeight && above > 0) ? above : below;
    box.style.left = (left + window.scrollX) + "px";
    box.style.top = (top + window.scrollY) + "px";
  }

  function hide() {
    clearTimeout(hideTimer);
    if (tip) tip.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, HIDE_DELAY);
  }

  function linkFrom(target) { return target && target.closest ? target.closest("a[href]") : null; }

  function onEnter(event) {
    var link = linkFrom(event.target);
    if (!link) return;
    if (!defs()) { later(link); return; }
    if (tip && link === current) { clearTimeout(hideTimer); return; }
    if (link === dismissed) return;
    var id = entryOf(link);
    if (id) show(link, id);
  }

  function onLeave(event) {
    var link = linkFrom(event.target);
    if (!link || link !== current) return;
    var to = event.relatedTarget;
    if (to && (link.contains(to) || (tip && tip.contains(to)))) return;
    scheduleHide();
  }

  function init() {
    document.addEventListener("mouseover", onEnter);
    document.addEventListener("mouseout", function (event) {
      onLeave(event);
      var link = linkFrom(event.target);
      if (link && link === dismissed && !link.contains(event.relatedTarget)) dismissed = null;
    });
    document.addEventListener("focusin", function (event) {
      var link = linkFrom(event.target);
      dismissed = null;
      if (link && !defs()) { later(link); return; }
      if (link && link !== current) { var id = entryOf(link); if (id) show(link, id); else if (current) hide(); }
    });
    document.addEventListener("focusout", function (event) {
      if (linkFrom(event.target) === current && !(tip && tip.contains(event.relatedTarget))) hide();
    });
    document.addEventListener("keydown", function (event) {
      if ((event.key === "Escape" || event.key === "Esc") && tip && !tip.hidden) {
        dismissed = current;
        hide();
      }
    });
    window.addEventListener("resize", hide);
  }

  /* The definitions are fetched on the first hover or focus of a link, not with the page: nothing of this runs
   * while the page loads (Lighthouse's blocking time). The link that asked gets its tip when they arrive. */
  var asked = null, fetching = false;
  function later(link) {
    asked = link;
    if (fetching) return;
    var src = SCRIPT ? SCRIPT.replace(/[^/]*$/, "kb-definitions-" + lang() + ".js") : "";
    if (!src) return;
    fetching = true;
    var s = document.createElement("script");
    s.src = src;
    s.onload = function () {
      var link = asked;
      asked = null;
      if (!defs() || !link || !(link.matches(":hover") || link === document.activeElement)) return;
      var id = entryOf(link);
      if (id) show(link, id);
    };
    document.head.appendChild(s);
  }

  /* A deferred script runs before Material's deferred bundle (document order): wait for DOMContentLoaded,
     which comes after both, so the page is as Material leaves it. */
  var deferred = document.currentScript && document.currentScript.defer;
  if (document.readyState === "loading" || deferred) document.addEventListener("DOMContentLoaded", init);
  else init();
})();
