/* Register the service worker that keeps the site usable offline (theme/kb/sw.js). */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  var root = new URL("..", document.currentScript.src);
  navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname }).catch(function () {});
})();
