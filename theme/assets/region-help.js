/* A region page's "Who can help now": the same answer as Get help for this region and any pet
   (theme/kb/help.js), so the two pages never disagree; from data in the page or, for a region with
   many clinics, its data file (help.pageData). Without JavaScript the page shows who covers the
   region at night instead. */
(function () {
  "use strict";
  var root = document.getElementById("kb-help-now");
  var help = window.kbHelp;
  if (!root || !help) return;
  var data = null;  // the region's data, once read
  var base = new URL(root.getAttribute("data-kb-base"), document.baseURI);
  var region = root.getAttribute("data-region");

  // help.storedNote says when the answer's data is a stored copy; a help.js older than this script has none
  function storedNote(d) { return help.storedNote ? help.storedNote(d) : ""; }

  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text) e.textContent = text; return e; }

  function row(item) {
    var li = el("li", "kb-org");
    li.setAttribute("data-org", item.rec.id);
    li.setAttribute("data-state", item.status.state);
    var name = el("a", "kb-org__name", item.rec.name);
    name.href = new URL(item.rec.url, base).href;
    li.appendChild(name);
    var note = help.words(item.status);
    if (item.partnerFor) note += " · " + help.WORDS.partner.replace("{region}", data.regions[region].label);
    li.appendChild(el("span", "kb-open " + (help.openClass ? help.openClass(item.status) : help.helping[item.status.state] ?
      "kb-open--yes" : "kb-open--no"), note));
    if (item.status.phone) {
      var call = el("a", "kb-call kb-call--urgent");
      call.href = "tel:" + item.status.phone.tel;
      call.appendChild(el("span", "kb-call__label", item.status.phone.label));
      call.appendChild(document.createTextNode(" "));
      call.appendChild(el("span", "kb-call__number", item.status.phone.display));
      li.appendChild(call);
    }
    var onCall = help.onCallLink ? help.onCallLink(item.rec, item.status, "kb-org__instead") : null;
    if (onCall) li.appendChild(onCall);  // the practice may be closed for the holiday
    return li;
  }

  function update(now) {
    var answer = help.whoCanHelp(data, { region: region, now: now || new Date(), need: {} });
    var list = document.getElementById("kb-help-now-list");
    // nearestOpen is offered only when nobody here who takes any owner is sure to help now (theme/kb/help.js)
    var n = answer.now.length, label = data.regions[region].label;
    var clientsOnly = help.forClientsOnly(answer), inDoubt = help.inDoubtNote ? help.inDoubtNote(answer) : "";
    // the clinics here only usually open (a public holiday) or closing before an owner could get there:
    // those sure to be open elsewhere come first (as on Get help)
    var first = help.elsewhereFirst(answer, label, storedNote(data));
    var shown = first ? answer.nearestOpen.concat(answer.now) : answer.now.concat(answer.nearestOpen);
    list.replaceChildren.apply(list, shown.map(row));
    document.getElementById("kb-help-now-status").textContent = !n ?
      "No clinic in " + label + " can help right now." + storedNote(data) + " Open now elsewhere:" : first ? first :
      (n === 1 ? "1 clinic can help now" : n + " clinics can help now") + clientsOnly + inDoubt + "." + storedNote(data) +
      (clientsOnly ? " Open now elsewhere, for everyone:" : "");
    return answer;
  }

  var status = document.getElementById("kb-help-now-status");
  help.pageData(root, function (loaded) {
    data = loaded;
    window.kbRegionHelp = { update: update };
    update();
    if (help.everyMinute) help.everyMinute(function () { update(); });
  }, function () {
    status.textContent = "Who can help now could not be worked out here: see who covers the region at night, below.";
  });
  if (!data && !status.textContent) status.textContent = "Finding who can help now…";
})();
