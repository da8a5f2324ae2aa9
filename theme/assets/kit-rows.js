/* Kit rows (theme/kb/macros.html equipment_row) say again, for the reader's day, whether an item whose
   status is available is free, away on a loan (and when it is back) or past its service date: the page
   can be older than a loan's end. The rule is window.kbKit's (kit-availability.js); the words are the
   template's. Without JavaScript the rows say what they said on the build's day. */
(function () {
  "use strict";
  if (!window.kbKit) return;
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"];
  function longDate(day) { return +day.slice(8, 10) + " " + MONTHS[+day.slice(5, 7) - 1] + " " + day.slice(0, 4); }
  Array.prototype.forEach.call(document.querySelectorAll("li.kb-kit[data-kit]"), function (row) {
    var item = JSON.parse(row.getAttribute("data-kit"));
    var state = row.querySelector(".kb-kit__state");
    if (item.status !== "available" || !state) return;  // in maintenance, retired, on loan with no dates: as built
    var day = window.kbKit.today(row), back = window.kbKit.freeFrom(item, day);
    var available = window.kbKit.availableOn(item, day);
    row.classList.toggle("kb-kit--unavailable", !available);
    state.textContent = back ? "On loan, free again from " : available ? "Available" : "Service overdue";
    if (back) {
      var time = document.createElement("time");
      time.setAttribute("datetime", back);
      time.textContent = longDate(back);
      state.appendChild(time);
    }
  });
})();
