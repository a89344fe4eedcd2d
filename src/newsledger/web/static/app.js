/* newsledger web UI: small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";
  // Filter forms: leave empty fields out of the address, so links stay short and shareable.
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!form.classList || !form.classList.contains("filters")) return;
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && el.value === "") el.disabled = true;
    });
    window.setTimeout(function () {
      Array.prototype.forEach.call(form.elements, function (el) { el.disabled = false; });
    }, 0);
  });
  // Following a highlight to a card or row: flash it so the eye finds it.
  function flash() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    if (!el) return;
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
  }
  window.addEventListener("hashchange", flash);
  document.addEventListener("DOMContentLoaded", function () {
    flash();
    document.documentElement.classList.add("js");
  });
})();
