/* Site search with Pagefind. The engine (about 100 KB) is loaded only when someone searches, and
   results are shown ten at a time, so a phone downloads little. Filters come from the index. */
(function () {
  "use strict";
  var root = document.querySelector("[data-kb-pagefind]");
  if (!root) return;
  var form = document.getElementById("kb-search-form");
  var input = document.getElementById("kb-search-q");
  var box = document.getElementById("kb-search-filters");
  var list = document.getElementById("kb-search-results");
  var status = document.getElementById("kb-search-status");
  var more = document.getElementById("kb-search-more");
  var FILTERS = { type: "Type", species: "Species", region: "Region", service: "Service", kind: "Kind of organisation" };
  var PAGE = 10;
  var engine = null, selects = {}, current = [], shown = 0;
  var params = new URLSearchParams(location.search);
  var scriptUrl = new URL(root.getAttribute("data-kb-pagefind"), document.baseURI);

  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text) e.textContent = text; return e; }

  function load() {
    if (!engine) {
      status.textContent = "Loading search…";
      engine = import(scriptUrl.href).then(function (pagefind) {
        return pagefind.options({ baseUrl: new URL("../", scriptUrl).pathname })
          .then(function () { return pagefind.filters(); })
          .then(function (available) { buildFilters(available); return pagefind; });
      });
    }
    return engine;
  }

  function buildFilters(available) {
    Object.keys(FILTERS).forEach(function (name) {
      var values = Object.keys(available[name] || {}).sort();
      if (!values.length) return;
      var wrap = el("div", "kb-field");
      var label = el("label", null, FILTERS[name]);
      label.htmlFor = "kb-filter-" + name;
      var select = el("select");
      select.id = "kb-filter-" + name;
      select.name = name;
      select.appendChild(new Option("Any", ""));
      values.forEach(function (v) { select.appendChild(new Option(v, v)); });
      select.value = params.get(name) || "";
      wrap.appendChild(label);
      wrap.appendChild(select);
      box.appendChild(wrap);
      selects[name] = select;
    });
    box.hidden = false;
  }

  function chosenFilters() {
    var out = {};
    Object.keys(selects).forEach(function (name) { if (selects[name].value) out[name] = selects[name].value; });
    Object.keys(FILTERS).forEach(function (name) { if (!selects[name] && params.get(name)) out[name] = params.get(name); });
    return out;
  }

  function showNext() {
    var batch = current.slice(shown, shown + PAGE);
    shown += batch.length;
    more.hidden = shown >= current.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (pages) {
      pages.forEach(function (page) {
        var li = el("li", "kb-result");
        var a = el("a", "kb-result__title", page.meta.title || page.url);
        a.href = page.url;
        li.appendChild(a);
        var excerpt = el("p", "kb-result__excerpt");
        excerpt.innerHTML = page.excerpt; // Pagefind's excerpt: escaped page text with <mark> only
        li.appendChild(excerpt);
        list.appendChild(li);
      });
    });
  }

  function run(push) {
    var query = input.value.trim();
    var filters = chosenFilters();
    if (push) {
      var next = new URLSearchParams();
      if (query) next.set("q", query);
      Object.keys(filters).forEach(function (k) { next.set(k, filters[k]); });
      history.replaceState(null, "", "?" + next.toString());
    }
    if (!query && !Object.keys(filters).length) { list.replaceChildren(); status.textContent = ""; more.hidden = true; return; }
    load().then(function (pagefind) {
      status.textContent = "Searching…";
      return pagefind.search(query || null, { filters: chosenFilters() });
    }).then(function (search) {
      current = search.results;
      shown = 0;
      list.replaceChildren();
      var n = current.length;
      status.textContent = n === 0 ? "No results. Try another word, or fewer filters." : (n === 1 ? "1 result." : n + " results.");
      return showNext();
    }).catch(function () { status.textContent = "Search is not available right now. Browse the directory instead."; });
  }

  input.value = params.get("q") || "";
  form.addEventListener("submit", function (e) { e.preventDefault(); run(true); });
  box.addEventListener("change", function () { run(true); });
  more.addEventListener("click", function () { showNext(); });
  var timer = null;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { run(true); }, 250); });
  if (input.value || Object.keys(FILTERS).some(function (k) { return params.get(k); })) run(false);
})();
