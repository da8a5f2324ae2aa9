/* Who can help now, in the browser: the same rules as generator/availability.py, applied to the
   records the build writes (help/<region>.json, and data embedded in Get help and region pages).
   Times are wall-clock minutes in each clinic's time zone, merged across the next eight days.
   Nothing leaves the page: a location, when the owner shares it, is used here and never sent. */
(function () {
  "use strict";
  var WORDS = {{ words | tojson }};
  var DAY = 1440, HORIZON = 8 * DAY;
  var NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
  var ALL_WEEK = [[[0, 1, 2, 3, 4, 5, 6], "00:00", "24:00"]];
  var HELPING = { "open-24h": 1, "open": 1, "on-call": 1 };
  var NEAREST_OPEN = {{ nearest_open }};
  var ROAD_KMH = {{ road_kmh }}, SETTING_OFF = {{ setting_off }};  // availability.ROAD_KMH, SETTING_OFF_MINUTES
  // A demo read as of a date reads its alerts at that moment (ms since 1970); a real site, at the clock's.
  var ALERT_CLOCK = {{ alert_clock | tojson }};
  // Public holidays by calendar (a record's "cal"), two years from the build (availability.holidays_of)
  var CALENDARS = {{ calendars | tojson }};

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
  function addDays(ymd, n) {
    var t = new Date(Date.UTC(ymd.y, ymd.m - 1, ymd.d + n));
    return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), wd: (t.getUTCDay() + 6) % 7 };
  }
  function iso(ymd) { return ymd.y + "-" + String(ymd.m).padStart(2, "0") + "-" + String(ymd.d).padStart(2, "0"); }

  // ---- timelines: merged [start, end) minutes from local midnight today -------------------------
  function own(day, periods, exceptions) {
    var special = exceptions[iso(day)];  // the date's exceptions: closed, or one or more periods
    if (special) {
      return special.filter(function (x) { return x[1] !== null; })
        .map(function (x) { var s = mins(x[1]), e = mins(x[2]); return [s, e, e <= s]; });
    }
    return periods.filter(function (p) { return p[0].indexOf(day.wd) >= 0; })
      .map(function (p) { var s = mins(p[1]), e = mins(p[2]); return [s, e, e < s]; });
  }

  function intervalsOn(day, periods, exceptions) {
    var out = [];
    own(addDays(day, -1), periods, exceptions).forEach(function (i) { if (i[2] && i[1] > 0) out.push([0, i[1]]); });
    own(day, periods, exceptions).forEach(function (i) { out.push([i[0], i[2] ? DAY : i[1]]); });
    return out.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
  }

  function timeline(today, periods, exceptions) {
    var merged = [];
    for (var off = 0; off < 8; off++) {
      var base = off * DAY;
      intervalsOn(addDays(today, off), periods, exceptions).forEach(function (i) {
        var last = merged[merged.length - 1];
        if (last && base + i[0] <= last[1]) last[1] = Math.max(last[1], base + i[1]);
        else merged.push([base + i[0], base + i[1]]);
      });
    }
    return merged;
  }

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      var s = Math.max(a[i][0], b[j][0]), e = Math.min(a[i][1], b[j][1]);
      if (s < e) out.push([s, e]);
      if (a[i][1] < b[j][1]) i++; else j++;
    }
    return out;
  }

  function minus(line, removed) {
    var gaps = [], cursor = 0;
    removed.forEach(function (r) { if (r[0] > cursor) gaps.push([cursor, r[0]]); cursor = Math.max(cursor, r[1]); });
    gaps.push([cursor, HORIZON + DAY]);
    return intersect(line, gaps);
  }

  function containing(line, minute) {
    for (var k = 0; k < line.length; k++) if (line[k][0] <= minute && minute < line[k][1]) return line[k];
    return null;
  }
  function nextStart(line, minute) {
    for (var k = 0; k < line.length; k++) if (line[k][0] > minute) return line[k][0];
    return null;
  }

  function byDate(rec) {
    var m = {};
    (rec.exceptions || []).forEach(function (e) { (m[e[0]] = m[e[0]] || []).push(e); });
    return m;
  }

  function lines(rec, today, service) {
    var offer = service ? rec.services[service] : null;
    if (offer && offer.hours) {
      return [intersect(timeline(today, offer.hours, {}), timeline(today, ALL_WEEK, byDate(rec))), []];
    }
    var open = timeline(today, rec.hours, byDate(rec)), call = [];
    if (rec.onCall) call = minus(timeline(today, rec.onCall === "always" ? ALL_WEEK : rec.onCall, {}), open);
    return [open, call];
  }

  // A public holiday no exception names, that the weekly ``periods`` would open for part of: whether it
  // opens is the practice's call (schedule.usual_hours_in_doubt)
  function inDoubt(rec, day, periods) {
    var dates = CALENDARS[rec.cal];
    if (!dates || dates.indexOf(iso(day)) < 0 || byDate(rec)[iso(day)]) return false;
    if (!periods.some(function (p) { return p[0].indexOf(day.wd) >= 0; })) return false;
    var merged = intervalsOn(day, periods, {}).reduce(function (reach, i) {
      return i[0] <= reach ? Math.max(reach, i[1]) : -1;
    }, 0);
    return merged < DAY;
  }

  // Open at ``minute`` only by weekly periods that start on a day in doubt (schedule.open_in_doubt): a
  // night that began on an ordinary evening is sure, one that began on the holiday is not; a period
  // from 00:00 that carries on yesterday's hours to 24:00 is yesterday's night (a whole day is its own)
  function openInDoubt(rec, today, minute, periods) {
    var yesterday = addDays(today, -1), covering = [];
    var carriedOn = !byDate(rec)[iso(yesterday)] &&
      intervalsOn(yesterday, periods, {}).some(function (i) { return i[1] === DAY; });
    [[today, 0], [yesterday, DAY]].forEach(function (d) {
      own(d[0], periods, {}).forEach(function (i) {
        if (i[0] - d[1] <= minute && minute < (i[2] ? i[1] + DAY : i[1]) - d[1]) {
          covering.push(d[1] === 0 && i[0] === 0 && i[1] < DAY && !i[2] && carriedOn ? yesterday : d[0]);
        }
      });
    });
    return covering.length > 0 && covering.every(function (day) { return inDoubt(rec, day, periods); });
  }

  // ---- one organisation ------------------------------------------------------------------------
  function wall(today, minute) {
    var day = addDays(today, Math.floor(minute / DAY)), m = minute % DAY;
    return { days: Math.floor(minute / DAY), weekday: day.wd,
             time: String(Math.floor(m / 60)).padStart(2, "0") + ":" + String(m % 60).padStart(2, "0") };
  }

  // ---- alerts: current between their start and end (generator/common/notices.py) ----------------
  function alertNow(now) { return ALERT_CLOCK !== null ? ALERT_CLOCK : (now || new Date()).getTime(); }
  function current(starts, ends, now) { var t = alertNow(now); return t >= starts && t < ends; }

  function closedByAlert(rec, now, service) {
    return (rec.closures || []).some(function (c) {
      return current(c[0], c[1], now) && (!c[2] || (!!service && c[2].indexOf(service) >= 0));
    });
  }

  // Alert banners are in the page from the build; each shows only while current, whenever it is read,
  // and, when a region is given (Get help, once one is chosen), only if it concerns that region.
  function renderAlerts(now, region) {
    document.querySelectorAll("[data-kb-alert-starts]").forEach(function (el) {
      var regions = (el.getAttribute("data-kb-alert-regions") || "").split(" ");
      el.hidden = !current(+el.getAttribute("data-kb-alert-starts"), +el.getAttribute("data-kb-alert-ends"), now) ||
        (!!region && regions.indexOf(region) < 0);
    });
    // lists of alerts, and an alert's own page, say when one has ended
    document.querySelectorAll("[data-kb-alert-until]").forEach(function (el) {
      if (alertNow(now) < +el.getAttribute("data-kb-alert-until")) return;
      if (el.classList.contains("kb-alert-state")) el.textContent = "This alert has ended.";
      else el.hidden = true;
    });
    document.querySelectorAll("[data-kb-alerts]").forEach(function (box) {
      box.hidden = !box.querySelector("[data-kb-alert-starts]:not([hidden])");
    });
  }

  function status(rec, now, service) {
    if (rec.status === "closed") return { state: "closed", phone: null };
    if (rec.status === "temporarily-closed") return { state: "temporarily-closed", phone: null };
    if (closedByAlert(rec, now, service)) return { state: "alert-closed", phone: null };
    var local = localParts(now, rec.tz);
    var today = addDays({ y: local.y, m: local.m, d: local.d }, 0), minute = local.minute;
    var l = lines(rec, today, service), open = l[0], call = l[1];
    var callPhone = rec.callPhone || rec.phone;  // a record names its on-call line only when it is another number
    var offer = service ? rec.services[service] : null, weekly = offer && offer.hours ? offer.hours : rec.hours;
    var stretch = containing(open, minute);
    if (stretch) {
      if (stretch[1] >= HORIZON) return { state: "open-24h", phone: rec.phone };
      return { state: "open", phone: rec.phone, until: wall(today, stretch[1]), left: stretch[1] - minute,
               inDoubt: openInDoubt(rec, today, minute, weekly) };
    }
    var clientsOnly = !!rec.clientsOnly;  // the on-call vet answers registered clients only
    if (containing(call, minute)) return { state: "on-call", phone: callPhone, clientsOnly: clientsOnly };
    var opens = nextStart(open, minute), calls = nextStart(call, minute);
    if (calls !== null && (opens === null || calls < opens)) {
      return { state: "on-call-later", phone: callPhone, when: wall(today, calls), at: calls, clientsOnly: clientsOnly };
    }
    if (opens !== null) {
      return { state: "opens-later", phone: rec.phone, when: wall(today, opens), at: opens,
               inDoubt: inDoubt(rec, addDays(today, Math.floor(opens / DAY)), weekly) };
    }
    return { state: "closed-all-week", phone: null };
  }

  function when(at) {
    if (at.time === "00:00" && (at.days === 0 || at.days === 1)) return WORDS.midnight;
    if (at.days === 0) return at.time;
    if (at.days === 1) return WORDS.tomorrow.replace("{time}", at.time);
    return WORDS.weekday.replace("{day}", NAMES[at.weekday]).replace("{time}", at.time);
  }

  function lowerFirst(text) { return text.charAt(0).toLowerCase() + text.slice(1); }

  function words(st) {
    var line = st.phone ? lowerFirst(st.phone.label) : "";
    return WORDS[st.state + (st.clientsOnly ? "-clients" : "") + (st.inDoubt ? "-in-doubt" : "")]
      .replace("{until}", st.until ? when(st.until) : "")
      .replace("{when}", st.when ? when(st.when) : "").replace("{line}", line);
  }

  function canTake(rec, need) {
    if (rec.status === "closed" || !rec.vet) return false;
    if (rec.referralOnly && !need.referred) return false;
    if (need.species) {
      if (!(need.species in rec.species)) return false;
      var min = rec.species[need.species];
      if (need.weight != null && min && need.weight < min) return false;
    }
    if (need.service) {
      var offer = rec.services[need.service];
      if (!offer || (offer.referralOnly && !need.referred)) return false;
      if (need.species && offer.species && offer.species.indexOf(need.species) < 0) return false;
      if (need.weight != null && ((offer.min && need.weight < offer.min) || (offer.max && need.weight > offer.max))) return false;
    }
    return true;
  }

  // ---- a region --------------------------------------------------------------------------------
  function distanceKm(a, b) {
    var r = Math.PI / 180, lat1 = a[0] * r, lat2 = b[0] * r;
    var h = Math.pow(Math.sin((lat2 - lat1) / 2), 2) +
      Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin((b[1] - a[1]) * r / 2), 2);
    return 2 * 6371 * Math.asin(Math.sqrt(h));
  }

  function nearestRegion(data, place) {
    var best = null, bestKm = Infinity;
    Object.keys(data.regions).forEach(function (id) {
      var c = data.regions[id].centre;
      if (!c) return;
      var km = distanceKm(place, c);
      if (km < bestKm || (km === bestKm && id < best)) { best = id; bestKm = km; }
    });
    return best;
  }

  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  // Takes any owner, and is sure to be open now and when the owner gets there (availability.Help.sure)
  function sure(row) { return !row.status.clientsOnly && !row.status.inDoubt && !row.closingSoon; }

  function whoCanHelp(data, q) {
    var region = q.region || (q.place ? nearestRegion(data, q.place) : null);
    var need = q.need || {};
    var result = { now: [], later: [], nearestOpen: [], region: region };
    if (!region || !data.regions[region]) return result;
    var r = data.regions[region], origin = q.place || r.centre;
    // one that closes before an owner setting off now could get there (availability._closes_before_arrival)
    var soon = function (row) {
      return row.status.left !== undefined && row.status.left < (row.km || 0) * 60 / ROAD_KMH + SETTING_OFF ? 1 : 0;
    };
    r.candidates.forEach(function (c) {
      var rec = data.orgs[c[0]];
      if (!rec || !canTake(rec, need)) return;
      var st = status(rec, q.now, need.service);
      var row = { rec: rec, status: st, partnerFor: c[1], km: origin && rec.ll ? distanceKm(origin, rec.ll) : null };
      row.closingSoon = st.state === "open" && !!soon(row);
      if (HELPING[st.state]) result.now.push(row);
      else if (st.when) result.later.push(row);
    });
    var byDistance = !!q.place;
    // as availability._now_key: on-call vets for registered clients only after everyone else, before
    // them one open on a public holiday by its usual hours only, and before that one closing too soon
    result.now.sort(function (a, b) {
      var oa = (a.status.clientsOnly ? 4 : 0) + (a.status.inDoubt ? 2 : 0) + (a.closingSoon ? 1 : 0);
      var ob = (b.status.clientsOnly ? 4 : 0) + (b.status.inDoubt ? 2 : 0) + (b.closingSoon ? 1 : 0);
      var ra = (a.status.state === "on-call" ? 1 : 0) + (a.partnerFor ? 2 : 0);
      var rb = (b.status.state === "on-call" ? 1 : 0) + (b.partnerFor ? 2 : 0);
      var da = a.km === null ? Infinity : a.km, db = b.km === null ? Infinity : b.km;
      if (byDistance) return (oa - ob) || (da - db) || (ra - rb) || cmp(a.rec.sort, b.rec.sort);
      var ca = a.status.state === "open-24h" ? 0 : 1, cb = b.status.state === "open-24h" ? 0 : 1;
      return (oa - ob) || (ra - rb) || (ca - cb) || cmp(a.rec.sort, b.rec.sort);
    });
    result.later.sort(function (a, b) { return (a.status.at - b.status.at) || cmp(a.rec.sort, b.rec.sort); });
    // nobody who takes any owner and is sure to be open (as availability.who_can_help)
    if (!result.now.some(sure)) {
      (r.fallback || []).forEach(function (id) {
        var rec = data.orgs[id];
        if (!rec || !canTake(rec, need)) return;
        var st = status(rec, q.now, need.service);
        if (st.state === "open-24h" || st.state === "open") {
          result.nearestOpen.push({ rec: rec, status: st, partnerFor: null, km: origin && rec.ll ? distanceKm(origin, rec.ll) : null });
        }
      });
      // one that closes before the owner could get there comes after those open longer (as Python's)
      result.nearestOpen.sort(function (a, b) {
        var da = a.km === null ? Infinity : a.km, db = b.km === null ? Infinity : b.km;
        return (!!a.status.inDoubt - !!b.status.inDoubt) || (soon(a) - soon(b)) || (da - db) || cmp(a.rec.sort, b.rec.sort);
      });
      result.nearestOpen = result.nearestOpen.slice(0, NEAREST_OPEN);
    }
    return result;
  }

  // ---- reading the data the build wrote ----------------------------------------------------------
  function merge(into, part) {
    Object.keys(part.regions || {}).forEach(function (id) { into.regions[id] = part.regions[id]; });
    Object.keys(part.orgs || {}).forEach(function (id) { into.orgs[id] = part.orgs[id]; });
    if (part.storedAt) into.storedAt = older(into.storedAt, part.storedAt);
    return into;
  }

  // ---- data from the device ------------------------------------------------------------------------
  // Offline, or when the network is slow, the service worker (theme/kb/sw.js) answers with the copy it
  // stored, stamped x-kb-stored. The date travels with the data (storedAt, ms; merge keeps the oldest),
  // so that every answer worked out from it says how old it is, next to the numbers.
  function getJSON(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      var stored = Date.parse(r.headers.get("x-kb-stored") || "");
      return r.json().then(function (json) { if (stored) json.storedAt = stored; return json; });
    });
  }

  // A page the worker served from the device says so at its top, with the date (data-kb-stored).
  function pageStoredAt() {
    var notice = document.querySelector(".kb-offline[data-kb-stored]");
    return notice ? Date.parse(notice.getAttribute("data-kb-stored")) || null : null;
  }

  // The older of two stored dates (ms), either of them missing: an answer from both data says that one.
  function older(a, b) { return a && b ? Math.min(a, b) : a || b; }

  function storedDay(at, month) {
    return new Date(at).toLocaleDateString("en-GB", { day: "numeric", month: month || "long", year: "numeric" });
  }

  // What a status line adds when its answer comes from stored data (and ``also``, a second list shown in
  // the same answer): "" for live data.
  function storedNote(data, also) {
    var at = older(data && data.storedAt, also && also.storedAt);
    return at ? " From the clinic list stored on this device on " + storedDay(at) +
      ": numbers and opening hours may have changed since." : "";
  }
  function storedShort(data) { return data && data.storedAt ? "Stored list, " + storedDay(data.storedAt, "short") : ""; }

  // A status element: data-kb-help-org holds one record, and its text becomes the status now; an
  // element with data-kb-org and data-kb-service shows that service of a record on the same page.
  function renderStatus(el, now, rec, service) {
    var st = status(rec, now || new Date(), service || null);
    el.textContent = words(st);
    el.setAttribute("data-kb-state", st.state);
    ["kb-open--yes", "kb-open--doubt", "kb-open--no"].forEach(function (c) { el.classList.toggle(c, c === openClass(st)); });
    return st;
  }

  function renderAll(now) {
    renderAlerts(now);
    var records = {};
    document.querySelectorAll("[data-kb-help-org]").forEach(function (el) {
      var rec = JSON.parse(el.getAttribute("data-kb-help-org"));
      records[rec.id] = rec;
      renderStatus(el, now, rec);
    });
    document.querySelectorAll("[data-kb-org][data-kb-service]").forEach(function (el) {
      var rec = records[el.getAttribute("data-kb-org")];
      if (rec) renderStatus(el, now, rec, el.getAttribute("data-kb-service"));
    });
  }

  // The data a Get help or region page answers from: in the page (data-kb-help), or for a region with
  // many clinics its data file (data-kb-help-src), fetched; offline or on a slow network, the copy the
  // service worker stored (storedAt says when).
  // ready(data) runs once it is read; failed() when the file cannot be had.
  function pageData(root, ready, failed) {
    var inline = root.getAttribute("data-kb-help");
    if (inline) {
      var data = JSON.parse(inline), stored = pageStoredAt();
      if (stored) data.storedAt = stored;  // data in a stored page is as old as the page
      return ready(data);
    }
    var src = root.getAttribute("data-kb-help-src");
    if (!src) return failed();
    getJSON(new URL(src, document.baseURI)).then(ready, failed);
  }

  // An answer left open on a phone goes stale: a clinic closes at 19:00 while the owner watches the pet.
  // fn runs again at the start of every minute, and when the page is shown again (a phone unlocked)
  function everyMinute(fn) {
    function next() { setTimeout(function () { fn(); next(); }, 60000 - Date.now() % 60000 + 50); }
    next();
    document.addEventListener("visibilitychange", function () { if (document.visibilityState === "visible") fn(); });
  }

  function remembered(key) { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function remember(key, value) { try { if (value) localStorage.setItem(key, value); else localStorage.removeItem(key); } catch (e) { /* storage off */ } }

  // When every clinic that can help now answers its registered clients only, the answer offers the
  // nearest open elsewhere too (whoCanHelp): the status line says for whom the clinics here are
  function forClientsOnly(answer) {
    if (!answer.now.length || !answer.nearestOpen.length) return "";
    if (!answer.now.every(function (row) { return row.status.clientsOnly; })) return "";
    return answer.now.length === 1 ? ", for its registered clients only" : ", for their registered clients only";
  }

  // Where the clinics here who can help now are only usually open (a public holiday) or close before an
  // owner could get there, and the ones sure to be open elsewhere are offered, those come first: the
  // status line that says so (the region page and Get help), else null. ``stored``: the stored-copy note
  function elsewhereFirst(answer, label, stored) {
    var n = answer.now.length;
    if (!n || !answer.nearestOpen.length || forClientsOnly(answer)) return null;
    var here = n === 1 ? "the one here" : "the " + n + " here";
    return answer.now.some(function (r) { return r.status.inDoubt; }) ?
      "No clinic in " + label + " is sure to be open now: a public holiday." + stored +
        " Open now elsewhere first, then " + here + " only usually open:" :
      "No clinic in " + label + " is open long enough to get there now." + stored +
        " Open now elsewhere first, then " + here + ", closing soon:";
  }

  // After the count of clinics that can help now, how many are open by their usual hours only on a public
  // holiday, and how many close before an owner could get there (" (only usually open: a public
  // holiday; …)"); "" when none
  function inDoubtNote(answer) {
    var n = answer.now.filter(function (row) { return row.status.inDoubt; }).length;
    var closing = answer.now.filter(function (row) { return row.closingSoon; }).length;
    var notes = [];
    if (n) notes.push(answer.now.length === 1 ? WORDS["now-in-doubt-one"] : WORDS["now-in-doubt-some"].replace("{count}", n));
    if (closing) {
      notes.push(answer.now.length === 1 ? WORDS["now-closing-one"] : WORDS["now-closing-some"].replace("{count}", closing));
    }
    return notes.length ? " (" + notes.join("; ") + ")" : "";
  }

  // A status's class: helping and sure, helping only usually (a public holiday), or not helping now
  function openClass(st) { return !HELPING[st.state] ? "kb-open--no" : st.inDoubt ? "kb-open--doubt" : "kb-open--yes"; }

  // Beside a clinic only usually open, a link (class ``cls``) to its on-call vet's own line, when it has
  // one: the practice may be closed for the holiday ("If no answer: after-hours line 01632 960361"); else null
  function onCallLink(rec, st, cls) {
    if (!st.inDoubt || !rec.onCall || !rec.callPhone) return null;
    var a = document.createElement("a");
    a.className = cls;
    a.href = "tel:" + rec.callPhone.tel;
    a.textContent = WORDS["in-doubt-on-call" + (rec.clientsOnly ? "-clients" : "")]
      .replace("{line}", lowerFirst(rec.callPhone.label)) + " " + rec.callPhone.display;
    return a;
  }

  window.kbHelp = {
    status: status, words: words, forClientsOnly: forClientsOnly, inDoubtNote: inDoubtNote, elsewhereFirst: elsewhereFirst, openClass: openClass,
    onCallLink: onCallLink, everyMinute: everyMinute, canTake: canTake, whoCanHelp: whoCanHelp, sure: sure, distanceKm: distanceKm,
    merge: merge, pageData: pageData, getJSON: getJSON, storedNote: storedNote, storedShort: storedShort,
    renderStatus: renderStatus, renderAll: renderAll, helping: HELPING,
    remembered: remembered, remember: remember, WORDS: WORDS, currentAlert: current, renderAlerts: renderAlerts
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { renderAll(); });
  else renderAll();
})();
