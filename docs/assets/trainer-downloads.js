/* Influencer Knowledge Base, trainers' page: the downloads that go with the topic chosen in the quiz-set form.
 * The per-topic table (kb.exports.page.by_topic) has one row per topic (data-topic); when the trainer picks a
 * topic, its GIFT and Kahoot links are offered right under the form, and its row is marked. Without JavaScript
 * the form says where the table is. Does nothing on other pages. Text is copied with cloneNode, never as HTML. */
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
    update();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
