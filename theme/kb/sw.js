/* Service worker: the site keeps working offline. Generated at build time (generator/offline.py).
   Network first; when the network fails, the stored copy is served with a notice saying when it was
   stored. First visit stores "Get help now", every triage and first-aid page, the referral form and
   the assets they need; other pages (such as directory pages) are stored as they are viewed. */
"use strict";
const VERSION = {{ version | tojson }};
const CACHE = "kb-" + VERSION;
const PRECACHE = {{ precache | tojson }};
const OFFLINE = {{ offline_page | tojson }};

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    for (const path of PRECACHE) {
      try {
        const response = await fetch(new Request(path, { cache: "reload" }));
        if (response.ok) await cache.put(path, await stamped(response));
      } catch (error) { /* a missing file must not stop the rest from being stored */ }
    }
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  // a new deploy has a new version: remove every older cache
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("kb-") && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

async function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set("x-kb-stored", new Date().toISOString());
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

function withNotice(html, stored) {
  const day = new Date(stored).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  const notice = '<p class="kb-offline" role="status">You are offline: this is the offline copy from ' + day +
    '. Phone numbers and opening hours may have changed since.</p>';
  return html.replace(/<body[^>]*>/, (tag) => tag + notice);
}

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: request.mode === "navigate" });
  if (hit && request.mode === "navigate") {
    const html = withNotice(await hit.text(), hit.headers.get("x-kb-stored") || Date.now());
    return new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } });
  }
  if (hit) return hit;
  if (request.mode === "navigate") {
    const offline = await cache.match(OFFLINE);
    if (offline) return new Response(withNotice(await offline.text(), offline.headers.get("x-kb-stored")),
                                     { headers: { "content-type": "text/html; charset=utf-8" } });
  }
  return Response.error();
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    try {
      // Pages revalidate with the server: a copy in the browser's HTTP cache must not be shown
      // offline as if it were live, without the notice saying how old it is.
      const response = request.mode === "navigate"
        ? await fetch(request.url, { cache: "no-cache", credentials: "same-origin" })
        : await fetch(request);
      if (response.ok && (request.mode === "navigate" || request.destination !== "")) {
        const copy = await stamped(response.clone());
        const cache = await caches.open(CACHE);
        await cache.put(request.mode === "navigate" ? new URL(request.url).pathname : request, copy);
      }
      return response;
    } catch (error) {
      return fromCache(request);
    }
  })());
});
