/* The offline page (theme/offline.html): lists the other pages stored on this device, with their
   titles, read from the service worker's cache. Guides and first aid are reached from their indexes,
   so the list holds what was stored besides them: clinics, regions and other pages opened. */
(function () {
  "use strict";
  var list = document.getElementById("kb-offline-stored");
  if (!list || !("caches" in window)) return;
  var base = new URL(".", document.baseURI);  // this page's own folder under the site
  var root = new URL("..", base);
  var always = {};
  document.querySelectorAll("#kb-offline-always a").forEach(function (a) { always[new URL(a.href).pathname] = true; });
  var SKIP = ["triage/", "first-aid/", "offline/"];

  function title(html, fallback) {
    var m = /<title>([^<]*)<\/title>/i.exec(html);
    var text = m ? m[1] : fallback;
    var at = text.lastIndexOf(" - ");
    return at > 0 ? text.slice(0, at) : text;
  }

  caches.keys().then(function (names) {
    var name = names.filter(function (n) { return n.indexOf("kb-") === 0; })[0];
    if (!name) return null;
    return caches.open(name).then(function (cache) {
      return cache.keys().then(function (requests) {
        var pages = requests.map(function (r) { return new URL(r.url); }).filter(function (u) {
          var rel = u.pathname.indexOf(root.pathname) === 0 ? u.pathname.slice(root.pathname.length) : null;
          return rel !== null && /\/$/.test(u.pathname) && !always[u.pathname] &&
            !SKIP.some(function (s) { return rel.indexOf(s) === 0; });
        });
        return Promise.all(pages.map(function (u) {
          return cache.match(u.href).then(function (r) { return r ? r.text() : ""; })
            .then(function (html) { return { url: u, title: title(html, u.pathname) }; });
        }));
      });
    });
  }).then(function (pages) {
    if (!pages || !pages.length) return;
    pages.sort(function (a, b) { return a.title.localeCompare(b.title); });
    pages.forEach(function (p) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = p.url.href;
      a.textContent = p.title;
      li.appendChild(a);
      list.appendChild(li);
    });
    document.getElementById("kb-offline-more").hidden = false;
  }).catch(function () { /* nothing more to list */ });
})();
