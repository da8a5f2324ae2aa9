/* Site search with Pagefind, loaded only on the search page. Filters come from the index itself. */
(function () {
  "use strict";
  var root = document.querySelector("[data-kb-pagefind]");
  if (!root) return;
  var form = document.getElementById("kb-search-form");
  var input = document.getElementById("kb-search-q");
  var box = document.getElementById("kb-search-filters");
  var list = document.getElementById("kb-search-results");
  var status = document.getElementById("kb-search-status");
  var FILTERS = { type: "Type", species: "Species", region: "Region", service: "Service", kind: "Kind of organisation" };
  var pagefind = null, selects = {};

  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text) e.textContent = text; return e; }

  function buildFilters(available, params) {
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
    return out;
  }

  function run(push) {
    var query = input.value.trim();
    var filters = chosenFilters();
    if (push) {
      var params = new URLSearchParams();
      if (query) params.set("q", query);
      Object.keys(filters).forEach(function (k) { params.set(k, filters[k]); });
      history.replaceState(null, "", "?" + params.toString());
    }
    if (!query && !Object.keys(filters).length) { list.replaceChildren(); status.textContent = ""; return; }
    status.textContent = "Searching…";
    pagefind.search(query || null, { filters: filters }).then(function (search) {
      return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); })).then(function (pages) {
        list.replaceChildren.apply(list, pages.map(function (page) {
          var li = el("li", "kb-result");
          var a = el("a", "kb-result__title", page.meta.title || page.url);
          a.href = page.url;
          li.appendChild(a);
          var excerpt = el("p", "kb-result__excerpt");
          excerpt.innerHTML = page.excerpt; // Pagefind's excerpt: escaped page text with <mark> only
          li.appendChild(excerpt);
          return li;
        }));
        var n = search.results.length;
        status.textContent = n === 0 ? "No results. Try another word, or fewer filters." :
          (n === 1 ? "1 result." : n + " results" + (n > 20 ? ", showing the first 20." : "."));
      });
    }).catch(function () { status.textContent = "Search is not available right now. Browse the directory instead."; });
  }

  import(new URL(root.getAttribute("data-kb-pagefind"), document.baseURI).href).then(function (module) {
    pagefind = module;
    return pagefind.options({ baseUrl: new URL("../", new URL(root.getAttribute("data-kb-pagefind"), document.baseURI)).pathname })
      .then(function () { return pagefind.filters(); });
  }).then(function (available) {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    buildFilters(available, params);
    form.addEventListener("submit", function (e) { e.preventDefault(); run(true); });
    box.addEventListener("change", function () { run(true); });
    var timer = null;
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { run(true); }, 250); });
    run(false);
  }).catch(function () { status.textContent = "Search could not be loaded. Browse the directory instead."; });
})();
