/* Kit type page: show the nearest available kit for the chosen region (remembered on this device),
   chosen again for today (window.kbKit, kit-availability.js): the build's list can be older than a
   loan's end. Without JavaScript every region's list shows, as the build chose it. */
(function () {
  "use strict";
  var near = document.getElementById("kb-kit-near");
  if (near && window.kbKit) {
    var day = window.kbKit.today(near);
    var limit = parseInt(near.getAttribute("data-kb-shown"), 10) || 5;
    Array.prototype.forEach.call(near.querySelectorAll(".kb-kit-region"), function (section) {
      var rows = Array.prototype.slice.call(section.querySelectorAll("li[data-kit]"));
      var chosen = window.kbKit.nearest(rows.map(function (li) { return JSON.parse(li.getAttribute("data-kit")); }),
                                        day, limit);
      rows.forEach(function (li, i) { li.hidden = chosen.indexOf(i) < 0; });
      var none = section.querySelector(".kb-kit-none");
      if (none) none.hidden = chosen.length > 0;
    });
  }
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
