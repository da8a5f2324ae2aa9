/* Service worker of the `kb serve` preview (generator/host/offline.py). The preview keeps no offline
   copy: a worker that stores pages made the live reload hang now and then (the reloaded page never
   arrived) and could show a stored page instead of the one just rebuilt. A worker left at this address
   by an earlier visit is replaced by this one, which removes the stored copies and then itself. */
"use strict";
self.addEventListener("install", () => { self.skipWaiting(); });

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("kb-")) await caches.delete(name);
    }
    await self.registration.unregister();
  })());
});
