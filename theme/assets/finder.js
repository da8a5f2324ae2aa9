/* Directory finder: filter clinics by species, region, service and "open now". Loads only the
   region shards it needs from directory/finder/. Filters live in the URL so results can be shared. */
(function () {
  "use strict";
  var root = document.querySelector("[data-kb-finder]");
  if (!root) return;
  var form = document.getElementById("kb-finder-form");
  var list = document.getElementById("kb-finder-results");
  var status = document.getElementById("kb-finder-status");
  var indexUrl = new URL(root.getAttribute("data-kb-finder"), document.baseURI);
  var siteBase = new URL(root.getAttribute("data-kb-base"), document.baseURI);
  var shards = {}, index = null;
  var AFTER_HOURS_RANK = { "on-site-24h": 0, "on-call": 1, "partner": 2, "none": 3 };

  function getJSON(url) { return fetch(url).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); }); }

  function loadRegions(ids) {
    return Promise.all(ids.map(function (id) {
      if (!shards[id]) shards[id] = getJSON(new URL(index.regions[id].url, indexUrl));
      return shards[id];
    })).then(function (parts) { return [].concat.apply([], parts); });
  }

  function read() {
    var data = new FormData(form);
    return { species: data.get("species") || "", region: data.get("region") || "",
             service: data.get("service") || "", open: data.get("open") === "1" };
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    ["species", "region", "service"].forEach(function (name) {
      if (params.get(name)) form.elements[name].value = params.get(name);
    });
    form.elements.open.checked = params.get("open") === "1";
  }

  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text) e.textContent = text; return e; }

  function row(org, now) {
    var li = el("li", "kb-org");
    var a = el("a", "kb-org__name", org.name);
    a.href = new URL(org.url, siteBase).href;
    li.appendChild(a);
    li.appendChild(el("span", "kb-org__kind", org.kind));
    var open = el("span", "kb-open");
    open.setAttribute("data-kb-hours", JSON.stringify(org.hours));
    window.kbHours.render(open, now);
    li.appendChild(open);
    var call = el("a", "kb-call kb-call--small");
    call.href = "tel:" + org.phone.tel;
    call.appendChild(el("span", "kb-call__label", org.phone.type === "main" ? "Call" : "Call " + org.phone.type.replace("-", " ") + " line"));
    call.appendChild(document.createTextNode(" "));
    call.appendChild(el("span", "kb-call__number", org.phone.display));
    li.appendChild(call);
    return li;
  }

  function update(push) {
    var f = read();
    if (push) {
      var params = new URLSearchParams();
      ["species", "region", "service"].forEach(function (k) { if (f[k]) params.set(k, f[k]); });
      if (f.open) params.set("open", "1");
      history.replaceState(null, "", "?" + params.toString());
    }
    status.textContent = "Loading…";
    var regionIds = f.region ? [f.region] : Object.keys(index.regions);
    return loadRegions(regionIds).then(function (orgs) {
      var now = new Date();
      var found = orgs.filter(function (o) {
        if (f.species && o.species.indexOf(f.species) < 0) return false;
        if (f.service && o.services.indexOf(f.service) < 0) return false;
        if (f.open && !window.kbHours.label(o.hours, now).open) return false;
        return true;
      }).sort(function (a, b) {
        return (AFTER_HOURS_RANK[a.after_hours] - AFTER_HOURS_RANK[b.after_hours]) || a.name.localeCompare(b.name);
      });
      list.replaceChildren.apply(list, found.map(function (o) { return row(o, now); }));
      status.textContent = found.length === 1 ? "1 clinic found." : found.length + " clinics found.";
    }).catch(function () { status.textContent = "The clinic list could not be loaded. Browse the directory instead."; });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); update(true); });
  form.addEventListener("change", function () { update(true); });
  restore();
  getJSON(indexUrl).then(function (data) { index = data; return update(false); })
    .catch(function () { status.textContent = "The clinic list could not be loaded. Browse the directory instead."; });
})();
