/* "Get help now": show the chosen region's clinics that are open now or on call. The region is
   remembered on this device. Without JavaScript the page lists every 24-hour and on-call clinic.
   A region's own Get help page (large networks) has no region choice: all of it is shown. */
(function () {
  "use strict";
  var select = document.getElementById("gh-region");
  var status = document.getElementById("gh-status");
  if (!status || !window.kbHours) return;
  var KEY = "kb-region";
  var sections = Array.prototype.slice.call(document.querySelectorAll(".gh-region"));

  function update() {
    var region = select ? select.value : "", shown = 0;
    sections.forEach(function (section) {
      var visible = !region || section.getAttribute("data-region") === region;
      section.hidden = !visible;
      section.querySelectorAll(".gh-clinic").forEach(function (li) {
        var open = li.querySelector("[data-kb-open]");
        var isOpen = open && open.getAttribute("data-kb-open") === "yes";
        var show = li.getAttribute("data-night") === "1" || isOpen;
        li.classList.toggle("gh-clinic--show", show);
        li.hidden = !show;
        if (visible && show) shown++;
      });
    });
    status.textContent = shown === 1 ? "1 clinic can help now." : shown + " clinics can help now.";
    if (select) { try { localStorage.setItem(KEY, region); } catch (e) { /* storage may be off */ } }
  }

  if (!select) { update(); return; }

  var params = new URLSearchParams(location.search);
  var saved = params.get("region");
  if (!saved) { try { saved = localStorage.getItem(KEY); } catch (e) { saved = null; } }
  if (saved && select.querySelector("option[value='" + saved.replace(/[^a-z0-9-]/g, "") + "']")) select.value = saved;
  select.addEventListener("change", update);
  update();
})();
