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

/* eakit site: a full-screen viewer for the inline diagrams, with zoom and pan.
 * Self-contained, no network, works from file://. A click on the diagram's background
 * (or its "full size" button) opens the viewer; links on the nodes still open their pages.
 * Wheel, pinch, the +/- buttons or keys zoom; dragging or the arrow keys move; Esc closes. */
(function () {
  "use strict";

  var MIN = 0.05, MAX = 40, STEP = 1.25;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  function open(figure, opener) {
    var source = figure.querySelector("svg.eakit-svg");
    if (!source) return;
    var box = source.viewBox && source.viewBox.baseVal;
    var width = box && box.width ? box.width : source.getBoundingClientRect().width;
    var height = box && box.height ? box.height : source.getBoundingClientRect().height;
    var label = function (name) { return figure.getAttribute("data-" + name) || name; };
    var caption = figure.querySelector("figcaption");

    var viewer = el("div", "eakit-viewer");
    viewer.setAttribute("role", "dialog");
    viewer.setAttribute("aria-modal", "true");
    if (caption) viewer.setAttribute("aria-label", caption.textContent);
    var bar = el("div", "eakit-viewer-bar");
    var help = el("span", "eakit-viewer-help", label("zoom-help"));
    function button(name, text) {
      var b = el("button", "eakit-viewer-" + name, text);
      b.type = "button";
      b.title = label("zoom-" + name);
      b.setAttribute("aria-label", label("zoom-" + name));
      bar.appendChild(b);
      return b;
    }
    bar.appendChild(help);
    var zoomIn = button("in", "+");
    var zoomOut = button("out", "\u2212");
    var fitButton = button("fit", "\u2922");
    var close = button("close", "\u00d7");
    var stage = el("div", "eakit-viewer-stage");
    var svg = source.cloneNode(true);
    svg.removeAttribute("id");
    svg.setAttribute("class", "eakit-viewer-svg");
    svg.setAttribute("width", String(width));
    svg.setAttribute("height", String(height));
    stage.appendChild(svg);
    viewer.appendChild(bar);
    viewer.appendChild(stage);

    var state = { scale: 1, x: 0, y: 0 };
    function draw() {
      svg.style.transform =
        "translate(" + state.x + "px," + state.y + "px) scale(" + state.scale + ")";
      viewer.setAttribute("data-scale", state.scale.toFixed(4));
    }
    function fit() {
      var w = stage.clientWidth, h = stage.clientHeight;
      state.scale = Math.min(w / width, h / height) * 0.96;
      state.x = (w - width * state.scale) / 2;
      state.y = (h - height * state.scale) / 2;
      draw();
    }
    // Zoom by `factor` keeping the stage point (px, py) where it is.
    function zoom(factor, px, py) {
      var next = Math.min(MAX, Math.max(MIN, state.scale * factor));
      if (px === undefined) { px = stage.clientWidth / 2; py = stage.clientHeight / 2; }
      state.x = px - (px - state.x) * (next / state.scale);
      state.y = py - (py - state.y) * (next / state.scale);
      state.scale = next;
      draw();
    }
    function point(event) {
      var r = stage.getBoundingClientRect();
      return [event.clientX - r.left, event.clientY - r.top];
    }

    // Pointers: one drags, two pinch. A drag of more than a few pixels is no click.
    var pointers = {}, moved = false, pinch = null;
    stage.addEventListener("pointerdown", function (event) {
      pointers[event.pointerId] = point(event);
      moved = false;
      var ids = Object.keys(pointers);
      if (ids.length === 2) {
        var a = pointers[ids[0]], b = pointers[ids[1]];
        pinch = Math.hypot(a[0] - b[0], a[1] - b[1]);
      }
    });
    stage.addEventListener("pointermove", function (event) {
      var last = pointers[event.pointerId];
      if (!last) return;
      var now = point(event);
      var ids = Object.keys(pointers);
      if (ids.length === 2 && pinch) {
        pointers[event.pointerId] = now;
        var a = pointers[ids[0]], b = pointers[ids[1]];
        var distance = Math.hypot(a[0] - b[0], a[1] - b[1]);
        zoom(distance / pinch, (a[0] + b[0]) / 2, (a[1] + b[1]) / 2);
        pinch = distance;
        moved = true;
        return;
      }
      var dx = now[0] - last[0], dy = now[1] - last[1];
      if (!moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      if (!moved) {
        // Keep the drag when the pointer leaves the stage (not possible for every pointer).
        try { stage.setPointerCapture(event.pointerId); } catch (e) { /* keep dragging */ }
      }
      moved = true;
      pointers[event.pointerId] = now;
      state.x += dx;
      state.y += dy;
      draw();
    });
    function up(event) {
      delete pointers[event.pointerId];
      if (Object.keys(pointers).length < 2) pinch = null;
    }
    stage.addEventListener("pointerup", up);
    stage.addEventListener("pointercancel", up);
    stage.addEventListener("click", function (event) {
      if (moved) { event.preventDefault(); event.stopPropagation(); moved = false; }
    }, true);
    stage.addEventListener("wheel", function (event) {
      event.preventDefault();
      var p = point(event);
      zoom(Math.pow(1.0015, -event.deltaY), p[0], p[1]);
    }, { passive: false });
    stage.addEventListener("dblclick", function (event) {
      if (event.target.closest && event.target.closest("a")) return;
      var p = point(event);
      zoom(2, p[0], p[1]);
    });

    function shut() {
      document.removeEventListener("keydown", key);
      window.removeEventListener("resize", fit);
      viewer.remove();
      document.documentElement.classList.remove("eakit-viewer-open");
      if (opener) opener.focus();
    }
    function key(event) {
      var k = event.key;
      if (k === "Escape") shut();
      else if (k === "+" || k === "=") zoom(STEP);
      else if (k === "-" || k === "_") zoom(1 / STEP);
      else if (k === "0") fit();
      else if (k === "ArrowLeft") { state.x += 60; draw(); }
      else if (k === "ArrowRight") { state.x -= 60; draw(); }
      else if (k === "ArrowUp") { state.y += 60; draw(); }
      else if (k === "ArrowDown") { state.y -= 60; draw(); }
      else return;
      event.preventDefault();
    }
    zoomIn.addEventListener("click", function () { zoom(STEP); });
    zoomOut.addEventListener("click", function () { zoom(1 / STEP); });
    fitButton.addEventListener("click", fit);
    close.addEventListener("click", shut);
    document.addEventListener("keydown", key);
    window.addEventListener("resize", fit);

    document.documentElement.classList.add("eakit-viewer-open");
    document.body.appendChild(viewer);
    fit();
    close.focus();
  }

  Array.prototype.forEach.call(document.querySelectorAll("figure.eakit-figure"), function (figure) {
    var svg = figure.querySelector("svg.eakit-svg");
    var button = figure.querySelector("button.eakit-zoom-open");
    if (!svg) return;
    if (button) {
      button.hidden = false;
      button.addEventListener("click", function () { open(figure, button); });
    }
    svg.classList.add("eakit-zoomable");
    svg.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("a")) return;  // a node's page
      open(figure, button);
    });
  });
})();
