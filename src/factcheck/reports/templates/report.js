"use strict";
// factcheck HTML report: filters for the findings, links into collapsed sections, printing.
// Without this script the page shows everything; it only hides and opens.
(function () {
  var form = document.getElementById("filters");
  var status = document.getElementById("filter-status");
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("section.dispute"));

  function matches(card, party, topic, severity, verdict) {
    return (!party || card.dataset.parties.split(" ").indexOf(party) >= 0) &&
      (!topic || card.dataset.topic === topic) &&
      (!severity || card.dataset.severity === severity) &&
      (!verdict || card.dataset.verdict === verdict);
  }

  function apply() {
    var f = form.elements;
    var party = f.party.value, topic = f.topic.value, severity = f.severity.value;
    var verdict = f.verdict.value, shown = 0;
    findings.forEach(function (card) {
      var show = matches(card, party, topic, severity, verdict);
      card.hidden = !show;
      if (show) { shown += 1; }
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("article.finding:not([hidden])");
    });
    status.textContent = (party || topic || severity || verdict)
      ? "Showing " + shown + " of " + findings.length + " findings"
      : "";
  }

  function reveal(id) {
    var target = id && document.getElementById(id);
    if (!target) { return; }
    if (form && target.closest("[hidden]") && target.closest("article.finding, section.dispute")) {
      form.reset();
      apply();
    }
    for (var d = target.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) {
      d.open = true;
    }
    target.scrollIntoView();
    // Sections off screen are laid out only when near the viewport (content-visibility), so
    // the first scroll can land a little off once they are: scroll again when they are.
    window.requestAnimationFrame(function () {
      window.requestAnimationFrame(function () { target.scrollIntoView(); });
    });
  }

  function fromHash() { reveal(decodeURIComponent(location.hash.slice(1))); }

  if (form) {
    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }
  window.addEventListener("hashchange", fromHash);
  // A link to the fragment already in the address bar fires no hashchange: reveal it anyway.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href^='#']");
    if (link && link.getAttribute("href") === location.hash) {
      window.setTimeout(fromHash, 0);
    }
  });
  if (location.hash) { fromHash(); }
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();
