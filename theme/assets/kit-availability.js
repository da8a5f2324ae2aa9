/* Whether a kit item is available on a day, in the browser: the same rule as available_on in
   generator/kinds/equipment/views.py (status available, service not overdue, no booked or current
   loan that day), because a static kit page can be older than a loan's end. Each item's state comes
   from kit_state there: {status, due, loans: [[from, to], ...]}, ISO dates, both days included.
   tests/unit/equipment/test_kit_differential.py runs these functions under Node against the Python. */
(function () {
  "use strict";
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  // The reader's own day; a demo site's pages carry the demo's date instead (data-kb-today), as the
  // build read the demo at extra.demo_data_as_of, so the demo never rots in the browser either.
  function today(root, now) {
    var pinned = root && root.getAttribute && root.getAttribute("data-kb-today");
    if (pinned) return pinned;
    var d = now || new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }
  function loanOn(item, day) {  // ISO dates compare as text
    for (var i = 0; i < item.loans.length; i++) {
      if (item.loans[i][0] <= day && day <= item.loans[i][1]) return item.loans[i];
    }
    return null;
  }
  function nextDay(day) {
    var t = new Date(Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10) + 1));
    return t.getUTCFullYear() + "-" + pad(t.getUTCMonth() + 1) + "-" + pad(t.getUTCDate());
  }
  function availableOn(item, day) {
    if (item.status !== "available") return false;
    if (item.due && item.due < day) return false;
    return loanOn(item, day) === null;
  }
  function freeFrom(item, day) {
    var loan = loanOn(item, day);
    if (!loan) return null;
    var back = nextDay(loan[1]);
    while ((loan = loanOn(item, back))) back = nextDay(loan[1]);
    return back;
  }
  // the first `limit` of the items (already in nearest-first order) available on the day: their indexes
  function nearest(items, day, limit) {
    var chosen = [];
    for (var i = 0; i < items.length && chosen.length < limit; i++) if (availableOn(items[i], day)) chosen.push(i);
    return chosen;
  }
  window.kbKit = { today: today, availableOn: availableOn, freeFrom: freeFrom, nearest: nearest };
})();
