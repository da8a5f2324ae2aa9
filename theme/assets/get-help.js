/* "Get help now": the owner picks the animal and where they are (remembered on this device), and the
   page lists who can help now, with the number to ring first. The answer comes from
   theme/kb/help.js (the same rules as the build), from data in the page or, for a region with many
   clinics, its data file (help.pageData). Without JavaScript, and until that file is read, the page
   lists per region who answers at night and in the daytime. A location, if the owner shares it, stays
   on the device. */
(function () {
  "use strict";
  var root = document.getElementById("gh-now");
  var help = window.kbHelp;
  if (!root || !help) return;
  var data = null, unreadable = false;  // the region's data, once read; or it could not be read
  var form = document.getElementById("gh-choose");
  var $ = function (id) { return document.getElementById(id); };
  var base = new URL(root.getAttribute("data-kb-base"), document.baseURI);
  var place = null;  // [lat, lon] when the owner shared their location; never stored or sent

  // help.storedNote says when the answer's data is a stored copy; a help.js older than this script has none
  function storedNote(d) { return help.storedNote ? help.storedNote(d) : ""; }

  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text) e.textContent = text; return e; }

  function speciesLabel(id) {
    var input = form.querySelector("input[name=species][value='" + id + "']");
    return input ? input.nextElementSibling.textContent : "";
  }

  function choice() {
    var species = form.querySelector("input[name=species]:checked");
    var region = form.querySelector("input[name=region]:checked") || form.querySelector("input[type=hidden][name=region]");
    var weight = parseInt($("gh-weight").value, 10);
    return { species: species ? species.value : null, speciesChosen: !!species, region: region ? region.value : null,
             weight: isNaN(weight) || weight <= 0 ? null : weight };
  }

  function directions(rec) {
    var p = el("p", "gh-clinic__go");
    if (!rec.ll) return p;
    var geo = el("a", null, "Directions");
    geo.href = "geo:" + rec.ll[0] + "," + rec.ll[1] + "?q=" + rec.ll[0] + "," + rec.ll[1] + "(" + encodeURIComponent(rec.name) + ")";
    var map = el("a", null, "Map");
    map.href = "https://www.openstreetmap.org/?mlat=" + rec.ll[0] + "&mlon=" + rec.ll[1] + "#map=16/" + rec.ll[0] + "/" + rec.ll[1];
    map.rel = "noopener noreferrer";
    p.appendChild(geo); p.appendChild(document.createTextNode(" · ")); p.appendChild(map);
    return p;
  }

  // help.openClass tells a clinic open on a public holiday by its usual hours only; a help.js older than
  // this script (stored on the device) has none
  function openClass(st) { return help.openClass ? help.openClass(st) : help.helping[st.state] ? "kb-open--yes" : "kb-open--no"; }

  function row(item, regionLabel) {
    var rec = item.rec, st = item.status, li = el("li", "gh-clinic gh-clinic--answer");
    li.setAttribute("data-org", rec.id);
    li.setAttribute("data-state", st.state);
    if (st.phone) {
      var call = el("a", "gh-call");
      call.href = "tel:" + st.phone.tel;
      call.appendChild(document.createTextNode("Call " + st.phone.display));
      li.appendChild(call);
    }
    var name = el("a", "gh-clinic__name", rec.name);
    name.href = new URL(rec.url, base).href;
    li.appendChild(name);
    li.appendChild(el("span", "gh-clinic__status " + openClass(st), help.words(st)));
    var onCall = help.onCallLink ? help.onCallLink(rec, st, "gh-clinic__instead") : null;
    if (onCall) li.appendChild(onCall);  // the practice may be closed for the holiday: its on-call vet's line too
    var notes = [];
    if (item.km !== null && place) notes.push(item.km < 10 ? item.km.toFixed(1) + " km" : Math.round(item.km) + " km");
    if (item.partnerFor) notes.push(help.WORDS.partner.replace("{region}", regionLabel));
    // no weight given: say which clinics take only animals above a weight (a 12 g mouse is turned away)
    var min = shown && shown.species && !shown.weight ? rec.species[shown.species] : 0;
    if (min) notes.push("only from " + min + " g");
    if (notes.length) li.appendChild(el("span", "gh-clinic__cover", notes.join(" · ")));
    li.appendChild(directions(rec));
    return li;
  }

  // For use offline: this page (a region's own Get help page is not stored on the first visit), the
  // owner's region page, its who-can-help data and the pages of the clinics shown (the first few),
  // stored by the service worker (theme/kb/sw.js). Their size on a phone is measured against a budget
  // in benchmarks/page_weight.py.
  var STORE_CLINICS = 8, storedFor = null;
  function storeOffline(answer) {
    var region = data.regions[answer.region];
    if (!region || !("serviceWorker" in navigator)) return;
    var indexUrl = new URL(root.getAttribute("data-kb-data"), document.baseURI);
    var shown = answer.now.concat(answer.later, answer.nearestOpen).slice(0, STORE_CLINICS);
    var here = location.href.split(/[?#]/)[0];
    var urls = [here, new URL("regions/" + answer.region + "/", base).href, indexUrl.href, new URL(region.url, indexUrl).href]
      .concat(shown.map(function (item) { return new URL(item.rec.url, base).href; }));
    var key = urls.join(" ");
    if (key === storedFor) return;
    storedFor = key;
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage({ type: "kb-store", urls: urls });
    }).catch(function () { /* no worker: nothing is stored */ });
  }

  function fill(list, items, regionLabel) { list.replaceChildren.apply(list, items.map(function (i) { return row(i, regionLabel); })); }

  var shown = null;  // the choice the answer on the page is for
  function update(remember) {
    var c = choice();
    shown = c;
    if (remember) {
      help.remember("kb-species", c.speciesChosen ? (c.species || "other") : null);
      // the weight goes with the pet it was given for: the guides' call bar answers for it too
      help.remember("kb-weight", c.weight && c.species ? c.species + ":" + c.weight : null);
      if (form.querySelector("input[type=radio][name=region]")) help.remember("kb-region", c.region);
    }
    $("gh-other").hidden = !(c.speciesChosen && !c.species);
    if (unreadable) {  // offline with nothing stored, say: the lists below still have the numbers
      $("gh-status").textContent = "Who can help now could not be worked out here. Ring a clinic listed below: " +
        "those that answer at night come first.";
      return;
    }
    if (c.region && !place && data) {  // the owner's region is known (remembered or chosen): keep it for offline
      storeOffline(help.whoCanHelp(data, { region: c.region, now: new Date(), need: { species: c.species, weight: c.weight } }));
    }
    if (!c.speciesChosen || (!c.region && !place)) {
      $("gh-status").textContent = c.speciesChosen ? "Now choose where you are." :
        (c.region || place ? "Now choose your pet." : "Choose your pet and where you are.");
      return;
    }
    if (!data) { $("gh-status").textContent = "Finding who can help now…"; return; }
    var answer = help.whoCanHelp(data, { region: c.region, place: place, now: new Date(),
                                         need: { species: c.species, weight: c.weight } });
    var region = data.regions[answer.region], label = region ? region.label : "";
    var animal = c.species ? "a " + speciesLabel(c.species).toLowerCase() : "your pet";
    $("gh-static").hidden = true;
    form.hidden = true;
    $("gh-choice").hidden = false;
    $("gh-choice-text").textContent = (c.species ? speciesLabel(c.species) : (c.speciesChosen ? "Other pet" : "Any pet")) +
      " · " + (place ? "near you (" + label + ")" : label) + (c.weight ? " · " + c.weight + " g" : "");
    var n = answer.now.length;
    var clientsOnly = help.forClientsOnly(answer), inDoubt = help.inDoubtNote ? help.inDoubtNote(answer) : "";
    // nobody here sure to be open long enough: those sure elsewhere come first, as on the region page
    var first = help.elsewhereFirst(answer, label, storedNote(data));
    var answerList = $("gh-answer"), elsewhere = $("gh-elsewhere");
    answerList.parentNode.insertBefore(elsewhere, first ? answerList : answerList.nextSibling);
    $("gh-status").textContent = first ? first : n ? (n === 1 ? "1 clinic" : n + " clinics") + " can take " + animal +
      " now" + (place ? ", nearest first" : " in " + label) + clientsOnly + inDoubt + "." + storedNote(data) :
      "No clinic in " + label + " can take " + animal + " right now." + storedNote(data);
    fill($("gh-answer"), answer.now, label);
    help.renderAlerts(null, answer.region);  // under the answer: the chosen region's alerts only
    $("gh-elsewhere").hidden = !answer.nearestOpen.length;
    fill($("gh-elsewhere-list"), answer.nearestOpen, label);
    $("gh-later").hidden = !answer.later.length;
    fill($("gh-later-list"), answer.later, label);
    storeOffline(answer);
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    var species = params.get("species") || help.remembered("kb-species");
    var region = params.get("region") || help.remembered("kb-region");
    if (species) {
      var s = form.querySelector("input[name=species][value='" + (species === "other" ? "" : species.replace(/[^a-z0-9-]/g, "")) + "']");
      if (s) s.checked = true;
      var weight = (help.remembered("kb-weight") || "").split(":");
      if (weight[0] === species && +weight[1] > 0) $("gh-weight").value = weight[1];
    }
    if (region) {
      var r = form.querySelector("input[name=region][value='" + region.replace(/[^a-z0-9-]/g, "") + "']");
      if (r) r.checked = true;
    }
  }

  form.addEventListener("change", function (event) {
    if (event.target.name === "region") place = null;
    update(true);
    sortProblems();
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); update(true); });
  $("gh-change").addEventListener("click", function () {
    form.hidden = false; $("gh-choice").hidden = true; $("gh-static").hidden = false;
    $("gh-answer").replaceChildren(); $("gh-elsewhere").hidden = true; $("gh-later").hidden = true;
    $("gh-status").textContent = "Choose your pet and where you are.";
    help.renderAlerts();
    var first = form.querySelector("input:checked") || form.querySelector("input");
    if (first) first.focus();
  });
  var locate = $("gh-locate");
  if (locate) {
    if (!navigator.geolocation) locate.hidden = true;
    locate.addEventListener("click", function () {
      $("gh-status").textContent = "Finding where you are…";
      navigator.geolocation.getCurrentPosition(function (pos) {
        place = [pos.coords.latitude, pos.coords.longitude];
        form.querySelectorAll("input[name=region]").forEach(function (r) { r.checked = false; });
        update(true);
      }, function () {
        $("gh-status").textContent = "Your location is not available; choose your region instead.";
      }, { maximumAge: 300000, timeout: 15000 });
    });
  }

  // "What is happening?": the chosen animal's guides, with its own urgency, most urgent first
  function sortProblems() {
    var c = choice(), list = document.querySelector(".gh-problems");
    if (!list || !c.species) return;
    var rows = Array.prototype.slice.call(list.children);
    rows.forEach(function (li) {
      li.hidden = (" " + li.getAttribute("data-species") + " ").indexOf(" " + c.species + " ") < 0;
      var shown = null;
      li.querySelectorAll(".gh-problem__tier").forEach(function (badge) {
        var mine = !shown && (" " + badge.getAttribute("data-for") + " ").indexOf(" " + c.species + " ") >= 0;
        badge.hidden = !mine;
        if (mine) shown = badge;
      });
      li.setAttribute("data-rank", shown ? shown.getAttribute("data-rank") : "99");
    });
    rows.sort(function (a, b) { return (+a.getAttribute("data-rank")) - (+b.getAttribute("data-rank")); });
    rows.forEach(function (li) { list.appendChild(li); });
  }
  restore();
  sortProblems();
  help.pageData(root, function (loaded) {
    data = loaded;
    update(false);
    // the answer shown as time passes (not while the owner is choosing)
    if (help.everyMinute) help.everyMinute(function () { if (!$("gh-choice").hidden) update(false); });
    // the same answer the page shows, at any moment (tests compare it with the region page and the build)
    window.kbGetHelp = { answer: function (now) {
      var c = choice();
      return help.whoCanHelp(data, { region: c.region, place: place, now: now || new Date(),
                                     need: { species: c.species, weight: c.weight } });
    } };
  }, function () { unreadable = true; update(false); });
  if (!data && !unreadable) update(false);  // while the region's file is fetched
})();
