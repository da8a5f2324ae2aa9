/* "Open now / opens at …" from the hours data. Mirrors generator/hours.py: wall-clock minutes in
   the region's time zone, merged across the next eight days. No data leaves the page. */
(function () {
  "use strict";
  var DAY = 1440, HORIZON = 8;
  var NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

  function mins(clock) { var p = clock.split(":"); return +p[0] * 60 + +p[1]; }

  function localParts(now, tz) {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23"
    }).formatToParts(now).forEach(function (p) { parts[p.type] = p.value; });
    return { y: +parts.year, m: +parts.month, d: +parts.day, minute: +parts.hour * 60 + +parts.minute };
  }

  // Calendar arithmetic on plain dates (UTC is only a neutral calendar here).
  function addDays(ymd, n) { var t = new Date(Date.UTC(ymd.y, ymd.m - 1, ymd.d + n)); return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), wd: (t.getUTCDay() + 6) % 7 }; }
  function iso(ymd) { return ymd.y + "-" + String(ymd.m).padStart(2, "0") + "-" + String(ymd.d).padStart(2, "0"); }

  function own(day, hours, exceptions) {
    var special = exceptions[iso(day)];
    if (special) {
      if (special[1] === null) return [];
      var s = mins(special[1]), e = mins(special[2]);
      return [[s, e, e <= s]];
    }
    return hours.periods.filter(function (p) { return p[0].indexOf(day.wd) >= 0; })
      .map(function (p) { var s = mins(p[1]), e = mins(p[2]); return [s, e, e < s]; });
  }

  function intervalsOn(day, hours, exceptions) {
    var out = [];
    own(addDays(day, -1), hours, exceptions).forEach(function (i) { if (i[2] && i[1] > 0) out.push([0, i[1]]); });
    own(day, hours, exceptions).forEach(function (i) { out.push([i[0], i[2] ? DAY : i[1]]); });
    return out.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
  }

  function state(hours, now) {
    var local = localParts(now || new Date(), hours.tz);
    var today = addDays({ y: local.y, m: local.m, d: local.d }, 0);
    var exceptions = {};
    (hours.exceptions || []).forEach(function (e) { exceptions[e[0]] = e; });
    var merged = [];
    for (var off = 0; off < HORIZON; off++) {
      var base = off * DAY;
      intervalsOn(addDays(today, off), hours, exceptions).forEach(function (i) {
        var last = merged[merged.length - 1];
        if (last && base + i[0] <= last[1]) last[1] = Math.max(last[1], base + i[1]);
        else merged.push([base + i[0], base + i[1]]);
      });
    }
    for (var k = 0; k < merged.length; k++) {
      var iv = merged[k];
      if (iv[0] <= local.minute && local.minute < iv[1]) {
        return { open: true, at: iv[1] >= HORIZON * DAY ? null : wall(today, iv[1]) };
      }
      if (iv[0] > local.minute) return { open: false, at: wall(today, iv[0]) };
    }
    return { open: false, at: null };
  }

  function wall(today, minute) {
    var day = addDays(today, Math.floor(minute / DAY)), m = minute % DAY;
    return { days: Math.floor(minute / DAY), weekday: day.wd, time: String(Math.floor(m / 60)).padStart(2, "0") + ":" + String(m % 60).padStart(2, "0") };
  }

  function when(at) {
    if (at.days === 0) return at.time;
    if (at.days === 1) return at.time + " tomorrow";
    return NAMES[at.weekday] + " " + at.time;
  }

  function label(hours, now) {
    if (hours.status === "closed") return { open: false, text: "Closed permanently" };
    if (hours.status === "temporarily-closed") return { open: false, text: "Temporarily closed" };
    var s = state(hours, now);
    if (s.open) return { open: true, text: s.at ? "Open now · closes " + when(s.at) : "Open now · 24 hours" };
    return { open: false, text: s.at ? "Closed now · opens " + when(s.at) : "Closed now" };
  }

  function render(el, now) {
    var hours = JSON.parse(el.getAttribute("data-kb-hours"));
    var result = label(hours, now);
    el.textContent = result.text;
    el.classList.toggle("kb-open--yes", result.open);
    el.classList.toggle("kb-open--no", !result.open);
    el.setAttribute("data-kb-open", result.open ? "yes" : "no");
    return result;
  }

  function renderAll() {
    var now = new Date();
    document.querySelectorAll("[data-kb-hours]").forEach(function (el) { render(el, now); });
  }

  window.kbHours = { state: state, label: label, render: render };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", renderAll);
  else renderAll();
})();
