/* eakit site: filters for the findings and component tables.
 * Self-contained, no network. Works without a server (file://). Without JavaScript the
 * tables simply show every row. */
(function () {
  "use strict";

  // Fold Vietnamese text the way the search index does: "Sở Tư pháp" -> "so tu phap".
  function fold(text) {
    return text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .toLowerCase();
  }

  function setup(form) {
    // Every table wrapped in div.<target>: a large site's page has one per agency.
    var targets = Array.prototype.slice.call(
      document.querySelectorAll("div." + form.getAttribute("data-target")));
    if (!targets.length) return;
    var rows = [];
    targets.forEach(function (target) {
      rows.push.apply(rows, target.querySelectorAll("tbody tr"));
    });
    var texts = rows.map(function (row) { return fold(row.textContent); });
    var output = form.querySelector("output");
    var template = output ? output.getAttribute("data-template") : "";

    function value(name) {
      var field = form.elements[name];
      return field ? field.value : "";
    }

    function apply() {
      var severity = value("severity");
      var layer = value("layer");
      var agency = value("agency");
      var waivedBox = form.elements.waived;
      var showWaived = !waivedBox || waivedBox.checked;
      var terms = fold(value("q")).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, i) {
        var ok =
          (!severity || row.getAttribute("data-severity") === severity) &&
          (!layer || row.getAttribute("data-layer") === layer) &&
          (!agency || row.getAttribute("data-agency") === agency) &&
          (showWaived || row.getAttribute("data-waived") !== "1") &&
          terms.every(function (term) { return texts[i].indexOf(term) >= 0; });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      if (targets.length > 1) {
        // A table none of whose rows match is hidden with its header.
        targets.forEach(function (target) {
          target.hidden = !target.querySelector("tbody tr:not([hidden])");
        });
      }
      if (output) {
        output.textContent = template
          .replace("{shown}", String(shown))
          .replace("{total}", String(rows.length));
      }
    }

    // Links such as findings.html#severity=error or #q=SEC-001 preset the filter.
    function fromHash() {
      var params = new URLSearchParams(window.location.hash.slice(1));
      params.forEach(function (val, key) {
        var field = form.elements[key];
        if (!field || !field.tagName) return;
        if (field.type === "checkbox") field.checked = val === "1";
        else field.value = val;
      });
      apply();
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    window.addEventListener("hashchange", fromHash);
    fromHash();
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.eakit-filter"), setup);
})();
