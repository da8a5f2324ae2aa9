/* The call bar on guidance pages: for the region and animal the owner chose on Get help (remembered
   on this device), the first clinic that can help now and its number; when nobody in the region
   can, it says so and offers the nearest clinic open now elsewhere; with no region chosen yet, it asks
   where first. It fetches only help/index.json and the one region's file. Rules: theme/kb/help.js. */
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
    var line = el("span", "kb-callbar__status", help.words(st) + (note ? " · " + note : "") + " · ");
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

  var asked = 0;  // each answer asked for; one that comes back after a newer one is dropped

  function answerFor(index, region) {
    var species = help.remembered("kb-species");  // the pet chosen on Get help or on a guide
    if (species === "other") species = null;
    var mine = ++asked;
    return getJSON(new URL(index.regions[region].url, indexUrl)).then(function (data) {
      if (mine !== asked) return;
      var answer = help.whoCanHelp(data, { region: region, now: new Date(), need: { species: species } });
      var label = data.regions[region].label;
      // one number: someone who takes any owner, else the nearest open elsewhere, else an on-call vet
      // for its registered clients only (theme/kb/help.js puts those last)
      var first = answer.now.filter(function (row) { return !row.status.clientsOnly; })[0];
      if (first) return show(first, label, first.partnerFor ? help.WORDS.partner.replace("{region}", label) : "", data);
      if (answer.nearestOpen.length) {
        var near = answer.nearestOpen[0];
        return show(near, label, "nearest open, " + Math.round(near.km) + " km from " + label, data);
      }
      if (answer.now.length) return show(answer.now[0], label, "", data);
      return nobody(label, "your pet", data);
    });
  }

  // No region chosen on this device yet (an owner who came straight to a guide, from a search at
  // night): the bar asks where, on one line so that the guide's first steps stay on the first screen,
  // and then shows the number to ring
  function askWhere(index, ids) {
    var box = el("label", "kb-callbar__where");
    box.appendChild(el("span", "kb-callbar__ask", "Ring a clinic: where are you?"));
    var select = el("select", "kb-callbar__regions");
    var none = el("option", null, "Choose region");
    none.value = "";
    select.appendChild(none);
    ids.forEach(function (id) {
      var o = el("option", null, index.regions[id].label);
      o.value = id;
      select.appendChild(o);
    });
    // a tap on the phone's list chooses at once; arrow keys only move through the list, and Enter
    // or leaving the list chooses (else the first arrow press would choose the first region)
    var stepping = false;
    function chosen() {
      if (!select.value) return;
      help.remember("kb-region", select.value);
      inner.setAttribute("aria-live", "polite");  // the number that replaces the list is read out
      answerFor(index, select.value).then(function () {
        var call = inner.querySelector("a");
        if (call && document.activeElement === document.body) call.focus();
      }).catch(function () { inner.replaceChildren(fallback); });
    }
    select.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); stepping = false; chosen(); }
      else if (event.key.indexOf("Arrow") === 0 || event.key === "Home" || event.key === "End") stepping = true;
    });
    select.addEventListener("change", function () { if (!stepping) chosen(); });
    select.addEventListener("blur", function () { if (stepping) { stepping = false; chosen(); } });
    box.appendChild(select);
    inner.replaceChildren(box);
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
    if (!region || !index.regions[region]) return ids.length ? askWhere(index, ids) : null;
    return answerFor(index, region);
  }).catch(function () { /* offline or missing: the link to Get help stays */ });
})();
