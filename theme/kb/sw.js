/* Service worker: the site keeps working offline. Generated at build time (generator/host/offline.py).
   Network first; when the network fails, the stored copy is served with a notice saying when it was
   stored. Copies are stored beside the answer, so a device whose storage is full still gets every page.
   On poor signal a page the network has not answered within a few seconds is shown from the stored
   copy, saying so, and its stored stylesheets and scripts at once; the late answers still replace the
   copies for next time. With no stored copy the worker waits for the network. The who-can-help data
   (help/) is treated as a page: the scripts that read it say, next to their answer, that it is the
   stored copy and its date (the x-kb-stored stamp; theme/kb/help.js).
   First visit stores "Get help now", the finder, every triage and first-aid page, the A to Z,
   search, the referral form, the home page and the assets they need; other pages are stored as they
   are viewed, and the who-can-help data (help/) as scripts read it. Get help asks the worker to store
   the owner's region: its page, its data and the clinics Get help shows (a "kb-store" message). A
   page that is not stored gets the offline page, at the address asked for, with a <base> so that its
   links and styles work at any depth. */
"use strict";
const VERSION = {{ version | tojson }};
const PREFIX = {{ prefix | tojson }};  // the members' edition has its own caches
const CACHE = PREFIX + VERSION;
const PRECACHE = {{ precache | tojson }};
const OFFLINE = {{ offline_page | tojson }};
const DATA = {{ data_dir | tojson }};  // JSON read by scripts: stored as it is fetched
const FRESH_MS = 24 * 60 * 60 * 1000;  // a page stored on request is fetched again after a day
const SLOW_MS = 4000;  // how long a page with a stored copy waits for the network
const SPELL_MS = 60 * 1000;  // after a page was that slow, for this long...
const SPELL_WAIT_MS = 1000;  // ...a page waits this long, and a stored stylesheet, script or image not at all
let slowSince = -Infinity;  // when a page last waited SLOW_MS in vain (lost when the browser stops the worker)

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
      const mine = name.startsWith(PREFIX) && (PREFIX !== "kb-" || !name.startsWith("kb-members-"));
      if (mine && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

async function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set("x-kb-stored", new Date().toISOString());
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

function withNotice(html, stored, why) {  // stored: ms since 1970
  const when = new Date(stored);
  const day = when.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  const opening = why === "slow"
    ? "The network is slow: this is the copy stored on this device on "
    : "You are offline: this is the offline copy from ";
  // data-kb-stored: the scripts that work out who can help from data in the page say how old it is
  const notice = '<p class="kb-offline" role="status" data-kb-stored="' + when.toISOString() + '">' + opening + day +
    '. Phone numbers and opening hours may have changed since.</p>';
  return html.replace(/<body[^>]*>/, (tag) => tag + notice);
}

function html(text) { return new Response(text, { headers: { "content-type": "text/html; charset=utf-8" } }); }

// The offline page, shown at the address that was asked for: a <base> at its own address under this
// worker's scope makes its relative links, styles and scripts work from any depth and any site path.
async function offlinePage(cache) {
  const offline = await cache.match(OFFLINE);
  if (!offline) return Response.error();
  const base = new URL(OFFLINE, self.registration.scope).href;
  return html((await offline.text()).replace(/<head>/, '<head><base href="' + base + '">'));
}

// The stored copy of what was asked for (a page with the notice saying why and from when), or null.
async function storedCopy(request, why) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: request.mode === "navigate" || isData(request.url) });
  if (hit && request.mode === "navigate") {
    const stored = Date.parse(hit.headers.get("x-kb-stored") || "") || Date.now();  // every copy is stamped
    return html(withNotice(await hit.text(), stored, why));
  }
  return hit || null;
}

async function fromCache(request) {
  const copy = await storedCopy(request, "offline");
  if (copy) return copy;
  if (request.mode !== "navigate") return Response.error();
  const cache = await caches.open(CACHE);
  const url = new URL(request.url);
  // a folder asked for without its '/' (typed): sent to the stored page, where its links work
  if (!url.pathname.endsWith("/") && await cache.match(url.origin + url.pathname + "/")) {
    return Response.redirect(url.origin + url.pathname + "/", 301);
  }
  return offlinePage(cache);
}

function isData(url) {
  return new URL(url).pathname.startsWith(new URL(DATA, self.registration.scope).pathname);
}

async function store(cache, url) {
  const known = await cache.match(url);
  const stored = known && Date.parse(known.headers.get("x-kb-stored") || "");
  if (stored && Date.now() - stored < FRESH_MS) return;
  const response = await fetch(url, { cache: "no-cache", credentials: "same-origin" });
  if (response.ok) await cache.put(url, await stamped(response));
}

// Get help asks for the owner's region to be stored: its page, its data and the clinics it shows.
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type !== "kb-store" || !Array.isArray(data.urls)) return;
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    for (const raw of data.urls) {
      const url = new URL(raw, self.registration.scope);
      if (url.origin !== self.location.origin || !url.href.startsWith(self.registration.scope)) continue;
      try { await store(cache, url.href); } catch (error) { /* offline: keep what is stored */ }
    }
    if (event.source) event.source.postMessage({ type: "kb-stored", urls: data.urls });
  })());
});

// The copy of a response that arrived is stored beside it, never in its way: the page streams to the
// reader as it arrives, and a copy that cannot be stored (the device's storage is full) costs the offline
// copy only, never the answer the network gave.
async function storeCopy(request, copy) {
  const cache = await caches.open(CACHE);
  const url = new URL(request.url);
  const key = request.mode === "navigate" || isData(request.url) ? url.origin + url.pathname : request;
  await cache.put(key, await stamped(copy));
}

function later(ms, value) { return new Promise((resolve) => setTimeout(() => resolve(value), ms)); }

function slowLately() { return Date.now() - slowSince < SPELL_MS; }

// How long a request waits for the network before its stored copy is used (see the top).
function patience(navigate, data) {
  if (navigate || data) return slowLately() ? SPELL_WAIT_MS : SLOW_MS;
  return slowLately() ? 0 : SLOW_MS;
}

// A navigation the server redirected (a folder asked for without its '/') is handed over as the
// redirect: Chromium refuses a followed redirect's response to a navigation.
function handOver(response, navigate) {
  return navigate && response.redirected ? Response.redirect(response.url, 301) : response;
}

async function answer(request, network, navigate, data) {
  try {
    const wait = patience(navigate, data);
    const first = await Promise.race([network, later(wait, null)]);
    if (first) return handOver(first, navigate);
    if (navigate && !slowLately()) slowSince = Date.now();
    let copy = null;
    try { copy = await storedCopy(request, "slow"); } catch (error) { /* a damaged copy: wait for the network */ }
    return copy || handOver(await network, navigate);  // nothing stored: wait for the network
  } catch (error) {
    try { return await fromCache(request); } catch (broken) { return Response.error(); }
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  const navigate = request.mode === "navigate", data = isData(request.url), started = Date.now();
  let copy = null;
  // Pages and data revalidate with the server: a copy in the browser's HTTP cache must not be shown
  // offline as if it were live, without the notice saying how old it is.
  const network = (navigate || data ? fetch(request.url, { cache: "no-cache", credentials: "same-origin" }) : fetch(request))
    .then((response) => {
      if (navigate && Date.now() - started < SPELL_WAIT_MS) slowSince = -Infinity;  // pages come fast again
      if (response.ok && !response.redirected && (navigate || request.destination !== "" || data)) {
        copy = response.clone();  // before the reader's copy can be read
      }
      return response;
    });
  event.waitUntil(network.then(() => copy && storeCopy(request, copy))
    .catch(() => { /* offline, or the device is full: the reader's answer is not affected */ }));
  event.respondWith(answer(request, network, navigate, data));
});
