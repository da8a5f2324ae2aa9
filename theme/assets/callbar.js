/* The call bar on guidance pages: for the region the owner chose on Get help (remembered on this
   device) and the pet the page is showing, the first clinic that can help now and its number; when
   nobody in the region can, it says so and offers the nearest clinic open now elsewhere; with no region
   chosen yet, it asks where first. The pet is the one chosen on the guide (its "Your pet" buttons, or a
   #for-<species> link), else the one chosen on Get help if the page is for it, else a clinic that takes
   every species the page is for; when no clinic does, it asks which pet. It fetches only
   help/index.json and the one region's file. Rules: theme/kb/help.js. */
(function () {
  "use strict";
  var bar = document.getElementById("kb-callbar");
  var help = window.kbHelp;
  if (!bar || !help) return;
  var inner = bar.querySelector(".kb-callbar__inner");
  var indexUrl = new URL(bar.getAttribute("data-kb-callbar"), document.baseURI);
  var base = new URL(bar.getAttribute("data-kb-base"), document.baseURI);
  var getHelp = bar.querySelector(".kb-callbar__help").href;

  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text) e.textContent = text; return e; }
  // help.getJSON dates data the worker served from the device; a help.js older than this script has none
  var getJSON = help.getJSON || function (url) {
    return fetch(url).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
  };

  function show(item, label, note, data) {
    var st = item.status, rec = item.rec;
    var call = el("a", "kb-callbar__call");
    call.href = "tel:" + st.phone.tel;
    call.appendChild(document.createTextNode("Call " + st.phone.display));
    var text = el("span", "kb-callbar__text");
    var name = el("a", "kb-callbar__name", rec.name);
    name.href = new URL(rec.url, base).href;
    text.appendChild(name);
    // a clinic open on a public holiday by its usual hours only: its whole line shows, never cut short
    var line = el("span", "kb-callbar__status" + (st.inDoubt ? " kb-callbar__status--doubt" : ""),
      help.words(st) + (note ? " · " + note : "") + " · ");
    var change = el("a", "kb-callbar__change", label + " (change)");
    change.href = getHelp;
    line.appendChild(change);
    text.appendChild(line);
    storedLine(text, data);
    inner.replaceChildren(call, text);
    bar.setAttribute("data-org", rec.id);
    bar.setAttribute("data-state", st.state);
  }

  // When the answer comes from stored data, how old it is, on a line of its own
  function storedLine(parent, data) {
    var stored = help.storedShort ? help.storedShort(data) : "";
    if (stored) parent.appendChild(el("span", "kb-callbar__stored", stored));
  }

  function nobody(label, animal, data) {
    var p = el("p", "kb-callbar__text", "No clinic in " + label + " can take " + animal + " right now. ");
    var a = el("a", null, "Get help now");
    a.href = getHelp;
    p.appendChild(a);
    storedLine(p, data);
    inner.replaceChildren(p);
    bar.setAttribute("data-state", "none");
  }

  // the species the page is for, as [id, label] (theme/partials/kb-callbar.html)
  var pets = [];
  try { pets = JSON.parse(bar.getAttribute("data-kb-pets") || "[]"); } catch (e) { pets = []; }
  var petIds = pets.map(function (p) { return p[0]; });

  // The pets a clinic must take: the one chosen on this guide, else the one chosen on Get help if the
  // page is for it, else every species the page is for (none known: any clinic)
  function petsToHelp() {
    var chosen = help.remembered("kb-species");
    var guide = document.querySelector("[data-kb-guide]");
    if (guide && guide.querySelector(".kb-pick__pet")) {
      var onGuide = guide.querySelector(".kb-pick__pet[aria-current='true']");
      if (onGuide) return [onGuide.getAttribute("data-species")];
      if (guide.classList.contains("kb-js")) return petIds;  // guide.js ran: no pet chosen, or unchosen
      // the answer can come before guide.js runs: the pet it will choose (its #for- link, else remembered)
      chosen = (location.hash.match(/^#for-([a-z0-9-]+)$/) || [])[1] || chosen;
    }
    if (chosen && chosen !== "other" && (!petIds.length || petIds.indexOf(chosen) >= 0)) return [chosen];
    return petIds;
  }

  // The weight given on Get help for this pet ("mouse:12" remembered), else null
  function weightOf(id) {
    var weighed = (help.remembered("kb-weight") || "").split(":");
    return id && weighed[0] === id && +weighed[1] > 0 ? +weighed[1] : null;
  }

  // Who can help now with every one of the pets: one answer each, and the rows in all of them, in the
  // first answer's order
  function commonAnswer(data, region, species) {
    var now = new Date();
    var answers = (species.length ? species : [null]).map(function (id) {
      var weight = weightOf(id);
      return help.whoCanHelp(data, { region: region, now: now, need: { species: id, weight: weight } });
    });
    function inAll(key) {
      var others = answers.slice(1).map(function (a) { return a[key].map(function (row) { return row.rec.id; }); });
      return answers[0][key].filter(function (row) {
        return others.every(function (ids) { return ids.indexOf(row.rec.id) >= 0; });
      });
    }
    return { now: inAll("now"), nearestOpen: inAll("nearestOpen") };
  }

  var asked = 0;  // each answer asked for; one that comes back after a newer one is dropped

  // Each region's data is read once a page: the answer is worked out again every minute from it, and a
  // phone on a poor signal fetched it every minute. A failed read, or the copy stored on the device
  // (offline), is tried again next time.
  var regionData = {};
  function regionFile(url) {
    var key = url.href;
    if (!regionData[key]) {
      regionData[key] = getJSON(url).then(function (data) {
        if (data.storedAt) delete regionData[key];
        return data;
      }, function (e) { delete regionData[key]; throw e; });
    }
    return regionData[key];
  }

  function answerFor(index, region, species) {
    species = species || petsToHelp();
    var mine = ++asked;
    return regionFile(new URL(index.regions[region].url, indexUrl)).then(function (data) {
      if (mine !== asked) return;
      var answer = commonAnswer(data, region, species);
      var label = data.regions[region].label;
      // one number: someone who takes any owner and is sure to be open (and still open when the owner
      // gets there), else the nearest open elsewhere,
      // else one open by its usual hours only on a public holiday, else an on-call vet for its registered
      // clients only (theme/kb/help.js puts those last; tests/scenarios.to_ring is the same rule)
      var anyone = answer.now.filter(function (row) { return !row.status.clientsOnly; });
      var first = answer.now.filter(help.sure)[0];
      if (first) return show(first, label, withMinimum(first, species, first.partnerFor ?
        help.WORDS.partner.replace("{region}", label) : ""), data);
      if (answer.nearestOpen.length) {
        var near = answer.nearestOpen[0];
        return show(near, label, withMinimum(near, species, "nearest open, " + Math.round(near.km) + " km from " + label), data);
      }
      if (anyone.length) return show(anyone[0], label, withMinimum(anyone[0], species, ""), data);
      if (answer.now.length) return show(answer.now[0], label, withMinimum(answer.now[0], species, ""), data);
      // several pets and no clinic for all of them: which one is it?
      if (species.length > 1) return askPet(index, region, species, data);
      return nobody(label, species.length ? nameOf(species[0]) : "your pet", data);
    });
  }

  // With no weight given for the pet, a clinic that takes it only from a weight says so ("only from 15 g")
  function withMinimum(row, species, note) {
    if (species.length !== 1 || weightOf(species[0]) !== null) return note;
    var min = row.rec.species[species[0]];
    return min ? (note ? note + " · " : "") + "only from " + min + " g" : note;
  }

  function nameOf(id) {
    var pet = pets.filter(function (p) { return p[0] === id; })[0];
    return pet ? "a " + pet[1].toLowerCase() : "your pet";
  }

  // A list in the bar that asks one thing ("where are you?", "which pet?"): a tap on the phone's list
  // chooses at once; arrow keys only move through the list, and Enter or leaving the list chooses (else
  // the first arrow press would choose the first option). options: [value, text]
  function ask(question, cls, blank, options, choose) {
    var box = el("label", "kb-callbar__where");
    box.appendChild(el("span", "kb-callbar__ask", question));
    var select = el("select", cls);
    [["", blank]].concat(options).forEach(function (o) {
      var option = el("option", null, o[1]);
      option.value = o[0];
      select.appendChild(option);
    });
    var stepping = false;
    function chosen() { if (select.value) choose(select.value); }
    select.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); stepping = false; chosen(); }
      else if (event.key.indexOf("Arrow") === 0 || event.key === "Home" || event.key === "End") stepping = true;
    });
    select.addEventListener("change", function () { if (!stepping) chosen(); });
    select.addEventListener("blur", function () { if (stepping) { stepping = false; chosen(); } });
    box.appendChild(select);
    inner.replaceChildren(box);
  }

  // No one clinic takes every species the page is for: the owner says which pet (on a guide, as if
  // chosen with its "Your pet" buttons, so the guide shows that pet's urgency too)
  function askPet(index, region, species, data) {
    ask("Ring a clinic: which pet?", "kb-callbar__pets", "Choose pet",
        pets.filter(function (p) { return species.indexOf(p[0]) >= 0; }), function (id) {
          var onGuide = document.querySelector("[data-kb-guide] .kb-pick__pet[data-species='" + id + "']");
          if (onGuide) return onGuide.click();  // the guide remembers it, and the bar answers (below)
          help.remember("kb-species", id);
          inner.setAttribute("aria-live", "polite");
          answerFor(index, region, [id]).catch(function () { inner.replaceChildren(fallback); });
        });
    storedLine(inner, data);
    bar.setAttribute("data-state", "which-pet");
  }

  // No region chosen on this device yet (an owner who came straight to a guide, from a search at
  // night): the bar asks where, on one line so that the guide's first steps stay on the first screen,
  // and then shows the number to ring
  function askWhere(index, ids) {
    ask("Ring a clinic: where are you?", "kb-callbar__regions", "Choose region",
        ids.map(function (id) { return [id, index.regions[id].label]; }), function (id) {
          help.remember("kb-region", id);
          inner.setAttribute("aria-live", "polite");  // the number that replaces the list is read out
          answerFor(index, id).then(function () {
            var call = inner.querySelector("a");
            if (call && document.activeElement === document.body) call.focus();
          }).catch(function () { inner.replaceChildren(fallback); });
        });
  }

  var fallback = bar.querySelector(".kb-callbar__help");
  var region = help.remembered("kb-region");
  getJSON(indexUrl).then(function (index) {
    var ids = Object.keys(index.regions);
    // a pet chosen on the guide after the region (guide.js remembers it first): answer for that pet
    document.addEventListener("click", function (event) {
      if (!event.target.closest || !event.target.closest(".kb-pick__pet")) return;
      setTimeout(function () {
        var now = help.remembered("kb-region");
        if (now && index.regions[now]) answerFor(index, now).catch(function () { /* the last answer stays */ });
      }, 0);
    });
    // the answer as time passes (a clinic closes while the page is open), unless a list is asking
    if (help.everyMinute) help.everyMinute(function () {
      var now = help.remembered("kb-region");
      if (now && index.regions[now] && !inner.querySelector("select")) answerFor(index, now).catch(function () { /* kept */ });
    });
    if (!region || !index.regions[region]) return ids.length ? askWhere(index, ids) : null;
    return answerFor(index, region);
  }).catch(function () { /* offline or missing: the link to Get help stays */ });
})();
