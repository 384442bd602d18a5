/* Influencer Knowledge Base, trainers' page: the downloads that go with the topic chosen in the quiz-set form.
 * The per-topic table (kb.exports.page.by_topic) has one row per topic (data-topic); when the trainer picks a
 * topic, its GIFT and Kahoot links are offered right under the form, and its row is marked. Without JavaScript
 * the form says where the table is. A link with a set (from the quiz page) fills in the form. Does nothing on
 * other pages. Text is copied with cloneNode, never as HTML. */
(function () {
  "use strict";
  function init() {
    var select = document.getElementById("kb-set-topic"), out = document.getElementById("kb-set-downloads");
    if (!select || !out) return;
    var hint = out.textContent;
    var label = out.getAttribute("data-label") || "";
    function update() {
      var rows = document.querySelectorAll(".kb-downloads--topics tr[data-topic]");
      var row = null;
      rows.forEach(function (r) {
        var match = r.getAttribute("data-topic") === select.value;
        r.classList.toggle("kb-downloads__chosen", match);
        if (match) row = r;
      });
      if (!row) { out.textContent = hint; return; }
      var strong = document.createElement("strong");
      strong.textContent = label + " ";
      var parts = [strong];
      row.querySelectorAll("td a[download]").forEach(function (a, i) {
        if (i) parts.push(document.createTextNode(" · "));
        var kind = a.closest("td").cellIndex === 1 ? "GIFT " : "Kahoot ";
        parts.push(document.createTextNode(kind));
        parts.push(a.cloneNode(true));
      });
      out.replaceChildren.apply(out, parts);
    }
    select.addEventListener("change", update);
    prefill(select);
    update();
  }
  /* trainers/?seed=…&n=…&topic=… (the link under a student's quiz) fills in the form with that set; a value the
   * form would not accept is left out, so the form keeps its own default there. */
  function prefill(select) {
    var p = new URLSearchParams(window.location.search);
    var seed = document.getElementById("kb-set-seed"), n = document.getElementById("kb-set-n");
    if (seed && /^[A-Za-z0-9_-]{1,32}$/.test(p.get("seed") || "")) seed.value = p.get("seed");
    if (n && /^[0-9]{1,2}$/.test(p.get("n") || "") && +p.get("n") >= 1 && +p.get("n") <= 50) n.value = String(+p.get("n"));
    var topic = p.get("topic");
    if (topic !== null && Array.prototype.some.call(select.options, function (o) { return o.value === topic; })) {
      select.value = topic;
    }
  }
  /* A deferred script runs before Material's deferred bundle (document order): wait for DOMContentLoaded,
     which comes after both, so the page is as Material leaves it. */
  var deferred = document.currentScript && document.currentScript.defer;
  if (document.readyState === "loading" || deferred) document.addEventListener("DOMContentLoaded", init);
  else init();
})();
