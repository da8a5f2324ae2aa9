/* Problem guides: show the urgency for the owner's pet. The choice is remembered on this device
   under "kb-species" (the same key Get help uses); tapping the chosen pet again shows every pet.
   Without JavaScript each pet's summary is reached by its #for-<species> link. */
(function () {
  "use strict";
  var guide = document.querySelector("[data-kb-guide]");
  if (!guide) return;
  var KEY = "kb-species";
  var pets = Array.prototype.slice.call(guide.querySelectorAll(".kb-pick__pet"));
  guide.classList.add("kb-js");  /* from here the choice, not the #for- link, decides what shows */

  function covered(id) {
    return pets.some(function (a) { return a.getAttribute("data-species") === id; });
  }

  function choose(id, remember) {
    guide.querySelectorAll(".kb-for[data-for]").forEach(function (el) {
      el.classList.toggle("kb-for--chosen", !!id && el.getAttribute("data-for") === id);
    });
    guide.querySelectorAll(".kb-urgency [data-for]").forEach(function (el) {
      el.hidden = !!id && el.getAttribute("data-for").split(" ").indexOf(id) < 0;
    });
    pets.forEach(function (a) {
      if (a.getAttribute("data-species") === id) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    });
    if (remember) { try { localStorage.setItem(KEY, id); } catch (e) { /* storage may be off */ } }
  }

  pets.forEach(function (a) {
    a.addEventListener("click", function (event) {
      event.preventDefault();
      var id = a.getAttribute("data-species");
      choose(a.getAttribute("aria-current") === "true" ? "" : id, true);
    });
  });

  var start = (location.hash.match(/^#for-([a-z0-9-]+)$/) || [])[1];
  if (!start) { try { start = localStorage.getItem(KEY); } catch (e) { start = null; } }
  if (start && covered(start)) choose(start, false);
})();
