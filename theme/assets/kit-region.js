/* Kit type page: show the nearest available kit for the chosen region (remembered on this device).
   Without JavaScript every region's list shows. */
(function () {
  "use strict";
  var choice = document.getElementById("kb-kit-region-choice");
  var select = document.getElementById("kb-kit-region");
  if (!choice || !select) return;
  var KEY = "kb-region";
  var sections = Array.prototype.slice.call(document.querySelectorAll(".kb-kit-region"));
  function update() {
    sections.forEach(function (s) { s.hidden = !!select.value && s.getAttribute("data-region") !== select.value; });
    try { localStorage.setItem(KEY, select.value); } catch (e) { /* storage may be off */ }
  }
  var saved = new URLSearchParams(location.search).get("region");
  if (!saved) { try { saved = localStorage.getItem(KEY); } catch (e) { saved = null; } }
  if (saved && Array.prototype.some.call(select.options, function (o) { return o.value === saved; })) select.value = saved;
  select.addEventListener("change", update);
  update();
})();
