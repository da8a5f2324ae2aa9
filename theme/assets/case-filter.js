/* Case library filters: narrow the list by species, tier, outcome, body system and service.
   Without JavaScript the whole list shows. Filters live in the URL so a view can be shared. */
(function () {
  "use strict";
  var form = document.getElementById("kb-case-filter");
  if (!form) return;
  var items = Array.prototype.slice.call(document.querySelectorAll("#kb-case-list .kb-case"));
  var status = document.getElementById("kb-case-status");
  // a species' or body system's own page has no filter for what all its cases share
  var names = ["species", "tier", "outcome", "system", "service"].filter(function (n) { return form.elements[n]; });
  var empty = document.getElementById("kb-case-empty");
  document.getElementById("kb-case-clear").addEventListener("click", function () {
    names.forEach(function (n) { form.elements[n].value = ""; });
    update(true);
    form.elements[names[0]].focus();
  });

  function update(push) {
    var chosen = {};
    names.forEach(function (n) { chosen[n] = form.elements[n].value; });
    var shown = 0;
    items.forEach(function (li) {
      var ok = names.every(function (n) {
        if (!chosen[n]) return true;
        if (n === "service") return (li.getAttribute("data-services") || "").split(" ").indexOf(chosen[n]) >= 0;
        return li.getAttribute("data-" + n) === chosen[n];
      });
      li.hidden = !ok;
      if (ok) shown++;
    });
    var chosenWords = names.filter(function (n) { return chosen[n]; }).map(function (n) {
      var select = form.elements[n];
      return select.options[select.selectedIndex].text;
    });
    // an empty list says which choices left nothing, and offers the way back
    status.textContent = shown === 0
      ? "No case matches " + chosenWords.join(" + ") + ". Change or clear a filter to see more."
      : shown === 1 ? "1 case." : shown + " cases.";
    empty.hidden = shown !== 0;
    if (push) {
      var params = new URLSearchParams();
      names.forEach(function (n) { if (chosen[n]) params.set(n, chosen[n]); });
      history.replaceState(null, "", "?" + params.toString());
    }
  }

  var params = new URLSearchParams(location.search);
  names.forEach(function (n) { if (params.get(n)) form.elements[n].value = params.get(n); });
  form.addEventListener("change", function () { update(true); });
  update(false);
})();
