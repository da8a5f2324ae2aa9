/* Directory finder: filter by species, region, service and "can help now" (open, or a vet on call,
   as Get help counts it; for a service, when that service runs). "Can help now" in a region without a
   service is an owner's question, and Get help's: it is answered by the same function (whoCanHelp),
   with the clinics from elsewhere that cover the region after hours, and without the clinics that
   take vets' referrals only. Loads only the region files it needs from help/. With no result in a
   region, offers the nearest clinics elsewhere, with their distance. Filters live in the URL so
   results can be shared. Rules: theme/kb/help.js. */
(function () {
  "use strict";
  var root = document.querySelector("[data-kb-finder]");
  var help = window.kbHelp;
  if (!root || !help) return;
  var form = document.getElementById("kb-finder-form");
  var list = document.getElementById("kb-finder-results");
  var status = document.getElementById("kb-finder-status");
  var indexUrl = new URL(root.getAttribute("data-kb-finder"), document.baseURI);
  var siteBase = new URL(root.getAttribute("data-kb-base"), document.baseURI);
  var shards = {}, index = null;
  var NEIGHBOURS = 3, NEAREST = 3;

  // help.getJSON dates data the worker served from the device; a help.js older than this script has none
  var getJSON = help.getJSON || function (url) {
    return fetch(url).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
  };
  function storedNote(data, also) { return help.storedNote ? help.storedNote(data, also) : ""; }

  // The regions' files; offline, those stored on this device (theme/kb/sw.js stores a region when Get
  // help or the finder reads it), and the list of regions that could not be read
  function load(ids) {
    return Promise.all(ids.map(function (id) {
      if (!shards[id]) {
        shards[id] = getJSON(new URL(index.regions[id].url, indexUrl)).then(function (part) {
          if (part.storedAt) delete shards[id];  // a stored copy: the live list is asked for next time
          return part;
        }, function () {
          delete shards[id];  // read it again next time: the signal may be back
          return null;
        });
      }
      return shards[id];
    })).then(function (parts) {
      var data = { regions: {}, orgs: {}, missing: [] };
      parts.forEach(function (p, i) { if (p) help.merge(data, p); else data.missing.push(ids[i]); });
      return data;
    });
  }

  function labels(ids) { return ids.map(function (id) { return index.regions[id].label; }).join(", "); }

  function unstored(data, ids) {
    if (!data.missing.length) return "";
    if (data.missing.length === ids.length) {
      return " The clinic list for " + labels(ids) + " is not stored on this device; open Get help for your " +
        "region when you have a signal, and it is kept for use offline.";
    }
    return " Offline: only the regions stored on this device are listed (not " + labels(data.missing) + ").";
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

  function callLink(phone, cls, label) {
    var a = el("a", cls);
    a.href = "tel:" + phone.tel;
    a.appendChild(el("span", "kb-call__label", label || phone.label));
    a.appendChild(document.createTextNode(" "));
    a.appendChild(el("span", "kb-call__number", phone.display));
    return a;
  }

  function row(item, f) {
    var rec = item.rec, st = item.status, li = el("li", "kb-org");
    li.setAttribute("data-org", rec.id);
    li.setAttribute("data-state", st.state);
    var a = el("a", "kb-org__name", rec.name);
    a.href = new URL(rec.url, siteBase).href;
    li.appendChild(a);
    var kind = rec.kind + (rec.referralOnly ? " · " + help.WORDS["referral-only"] : "") +
      (item.partnerFor ? " · " + help.WORDS.partner.replace("{region}", index.regions[item.partnerFor].label) : "");
    if (item.km !== null) kind += " · " + (item.km < 10 ? item.km.toFixed(1) : Math.round(item.km)) + " km";
    li.appendChild(el("span", "kb-org__kind", kind));
    if (rec.vet) {
      var words = (f.service ? serviceLabel(f.service) + ": " : "") + help.words(st);
      li.appendChild(el("span", "kb-open " + (help.openClass ? help.openClass(st) : help.helping[st.state] ? "kb-open--yes" :
        "kb-open--no"), words));
    }
    // a clinic closed by an alert gets no button to ring (its lines may only play a message), as on Get help
    if (st.state === "alert-closed") return li;
    li.appendChild(callLink(st.phone || rec.phone, "kb-call kb-call--small", "Call"));
    if (rec.referrals) li.appendChild(callLink(rec.referrals, "kb-call kb-call--small kb-call--referrals", "Referrals (vets)"));
    var onCall = help.onCallLink ? help.onCallLink(rec, st, "kb-org__instead") : null;
    if (onCall) li.appendChild(onCall);  // only usually open on a public holiday: its on-call vet's line, as on Get help
    return li;
  }

  function serviceLabel(id) { var o = form.elements.service.querySelector("option[value='" + id + "']"); return o ? o.textContent : id; }

  function matches(rec, f) {
    if (rec.status === "closed") return false;
    if (f.species && !(f.species in rec.species)) return false;
    if (f.service) {
      var offer = rec.services[f.service];
      if (!offer || (f.species && offer.species && offer.species.indexOf(f.species) < 0)) return false;
    }
    return true;
  }

  function results(data, ids, f, now, origin) {
    var found = [];
    Object.keys(data.orgs).forEach(function (id) {
      var rec = data.orgs[id];
      if (ids.indexOf(rec.region) < 0 || !matches(rec, f)) return;
      var st = help.status(rec, now, f.service || null);
      var can = rec.vet && !!help.helping[st.state];
      if (f.open && !can) return;
      if (f.open && !f.service && rec.referralOnly) return;  // owners cannot go there directly
      found.push({ rec: rec, status: st, can: can, km: origin && rec.ll ? help.distanceKm(origin, rec.ll) : null });
    });
    return found;
  }

  // "Can help now" in one region without a service is an owner's question: Get help's answer, in its
  // order (partners included), with its nearest open elsewhere; else null
  function ownersAnswer(data, f, now) {
    if (!f.open || f.service || !f.region || !data.regions[f.region]) return null;
    return help.whoCanHelp(data, { region: f.region, now: now, need: { species: f.species || null } });
  }

  function byHelp(a, b) {
    return (b.can - a.can) || (!!a.status.clientsOnly - !!b.status.clientsOnly) ||
      (!!a.status.inDoubt - !!b.status.inDoubt) ||  // open on a public holiday by its usual hours only
      ((a.status.state === "on-call") - (b.status.state === "on-call")) ||
      (a.rec.vet === b.rec.vet ? 0 : a.rec.vet ? -1 : 1) || (a.rec.sort < b.rec.sort ? -1 : a.rec.sort > b.rec.sort ? 1 : 0);
  }

  function neighbours(regionId) {
    var centre = index.regions[regionId].centre;
    return Object.keys(index.regions).filter(function (id) { return id !== regionId && index.regions[id].centre; })
      .sort(function (a, b) { return help.distanceKm(centre, index.regions[a].centre) - help.distanceKm(centre, index.regions[b].centre); })
      .slice(0, NEIGHBOURS);
  }

  // Alerts for the regions shown, while current (they also change who can help: theme/kb/help.js)
  function showAlerts(data, ids, now) {
    var box = document.getElementById("kb-finder-alerts"), seen = {}, items = [];
    ids.forEach(function (id) {
      ((data.regions[id] || {}).alerts || []).forEach(function (a) {
        if (seen[a.id] || !help.currentAlert(a.starts, a.ends, now)) return;
        seen[a.id] = true;
        var item = el("div", "kb-alert-banner kb-alert-banner--" + a.severity), title = el("p", "kb-alert-banner__title");
        item.setAttribute("role", "note");
        title.appendChild(el("strong", null, a.title));
        var more = el("p", "kb-alert-banner__more"), link = el("a", null, "Details");
        link.href = new URL("../" + a.url, indexUrl).href;
        more.appendChild(link);
        item.append(title, el("p", "kb-alert-banner__instead", a.instead), more);
        items.push(item);
      });
    });
    box.replaceChildren.apply(box, items);
    box.hidden = !items.length;
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
    var elsewhere = document.getElementById("kb-finder-elsewhere");
    elsewhere.hidden = true;
    var ids = f.region ? [f.region] : Object.keys(index.regions);
    var now = new Date();
    function showElsewhere(open) {
      var into = document.getElementById("kb-finder-elsewhere-list");
      into.replaceChildren.apply(into, open.map(function (i) { return row({ rec: i.rec, status: i.status, can: true, km: i.km }, f); }));
      elsewhere.hidden = !open.length;
    }
    return load(ids).then(function (data) {
      var stored = ids.filter(function (id) { return data.missing.indexOf(id) < 0; });
      showAlerts(data, stored, now);
      var owners = ownersAnswer(data, f, now);
      var found = owners ? owners.now.map(function (row) {
        return { rec: row.rec, status: row.status, can: true, km: null, partnerFor: row.partnerFor ? f.region : null };
      }) : results(data, stored, f, now, null).sort(byHelp);
      list.replaceChildren.apply(list, found.map(function (i) { return row(i, f); }));
      var inDoubt = owners && help.inDoubtNote ? help.inDoubtNote(owners) : "";
      status.textContent = (found.length === 1 ? "1 clinic found" : found.length + " clinics found") + inDoubt + "." +
        unstored(data, ids) + storedNote(data);
      // none of them sure to take any owner now (only usually open on a public holiday, closing before
      // an owner could get there, or on call for registered clients only): Get help's nearest open
      // elsewhere too, first where Get help puts them first (help.elsewhereFirst)
      var first = owners && f.region ? help.elsewhereFirst(owners, index.regions[f.region].label, storedNote(data)) : null;
      list.parentNode.insertBefore(elsewhere, first ? list : list.nextSibling);
      if (owners && found.length && owners.nearestOpen.length) {
        showElsewhere(owners.nearestOpen);
        status.textContent = first || status.textContent + " Open now elsewhere:";
        return;
      }
      if (found.length || data.missing.length) return;
      if (!f.region) {  // nothing anywhere: say so, and which choice to drop
        status.textContent = "No clinic in the network matches all of these. Remove a choice (the service, " +
          "or \u201cCan help now\u201d) to see more." + storedNote(data);
        return;
      }
      var origin = index.regions[f.region].centre, near = neighbours(f.region);
      var label = index.regions[f.region].label;
      if (owners) {  // Get help's nearest open
        showElsewhere(owners.nearestOpen);
        status.textContent = "No clinic in " + label + " can help now." + storedNote(data) +
          (owners.nearestOpen.length ? " Open now elsewhere:" : "");
        return;
      }
      status.textContent = "No clinic in " + label + " matches." + storedNote(data) + " The nearest elsewhere:";
      return load(near).then(function (more) {
        var other = results(more, near, f, now, origin).sort(function (a, b) { return (a.km - b.km) || byHelp(a, b); }).slice(0, NEAREST);
        var target = document.getElementById("kb-finder-elsewhere-list");
        target.replaceChildren.apply(target, other.map(function (i) { return row(i, f); }));
        elsewhere.hidden = !other.length;
        var note = storedNote(data, more);  // both lists are in this answer: the older date
        status.textContent = other.length ? "No clinic in " + label + " matches." + note + " The nearest elsewhere:"
          : "No clinic in " + label + " or nearby matches." + note;
      });
    }).catch(function () { status.textContent = "The clinic list could not be loaded. Browse the directory below instead."; });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); update(true); });
  form.addEventListener("change", function () { update(true); });
  restore();
  getJSON(indexUrl).then(function (data) { index = data; return update(false); })
    .catch(function () { status.textContent = "The clinic list could not be loaded. Browse the directory below instead."; });
})();
