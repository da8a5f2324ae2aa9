/* Site search with Pagefind (theme/kb/search.html). Owners' guidance comes first: the first search
   downloads only the guidance bundle (pagefind/), which stays the same size however large the
   network grows; clinics (pagefind-clinics/) and cases, training and the rest of the network
   (pagefind-network/) are merged in when someone asks for them or opens the filters. Before a
   query runs, the vocabulary the build collected from the content (generator/site/search_words.py)
   drops stop words, replaces owners' words the pages do not use and corrects misspelt names ("guina pig", "hamstr"), and the page says what it searched for.
   Pagefind needs every word on a page, so when nothing matches the least telling words are
   dropped one by one. Offline, the vocabulary itself lists the stored guides that match. */
(function () {
  "use strict";
  var root = document.querySelector("[data-kb-search]");
  if (!root) return;
  var $ = function (id) { return document.getElementById(id); };
  var form = $("kb-search-form"), pageInput = $("kb-search-q");
  var barInput = $("kb-bar-q"), barForm = barInput ? barInput.form : null;
  var list = $("kb-search-results"), status = $("kb-search-status"), more = $("kb-search-more");
  var networkButton = $("kb-search-network"), filterBox = $("kb-search-filters"), fields = $("kb-search-fields");
  var V = JSON.parse(root.getAttribute("data-kb-words"));
  var scriptUrl = new URL(root.getAttribute("data-kb-pagefind"), document.baseURI);
  var networkUrls = root.getAttribute("data-kb-network").split(/\s+/).filter(Boolean).map(function (u) {
    return new URL(u, document.baseURI);
  });
  var siteBase = new URL(root.getAttribute("data-kb-base"), document.baseURI);
  var FILTERS = { type: "Type", species: "Species", region: "Region", service: "Service", kind: "Kind of organisation" };
  var PAGE = 10;
  var params = new URLSearchParams(location.search);
  var engine = null, merged = null, selects = {}, current = [], shown = 0, runs = 0, pin = null, listed = {};
  var withNetwork = params.get("all") === "1" || Object.keys(FILTERS).some(function (k) { return params.get(k); });

  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text) e.textContent = text; return e; }
  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  // ---- the vocabulary: corrections before the search runs -----------------------------------------
  function words(text) { return text.toLowerCase().replace(/['\u2019]/g, "").split(/[^\p{L}\p{N}]+/u).filter(Boolean); }

  var known = new Set(V.known), stop = new Set(V.stop), aliases = V.aliases;
  var targets = {};  // a word search may correct towards: 0 for names and keywords, 1 for other words of the guidance
  var joined = {};   // "wettail": "wet tail"
  function addTargets(text, rank) {
    var found = words(text);
    found.forEach(function (w) { if (w.length >= 3 && !(has(targets, w) && targets[w] <= rank)) targets[w] = rank; });
    if (found.length === 2 && !known.has(found.join(""))) joined[found.join("")] = found.join(" ");
  }
  V.entries.forEach(function (e) { addTargets(e[0], 0); e[3].forEach(function (p) { addTargets(p, 0); }); });
  V.names.forEach(function (n) { addTargets(n, 0); });
  Object.keys(aliases).forEach(function (k) { addTargets(aliases[k], 0); });
  V.known.forEach(function (w) { addTargets(w, 1); });
  var targetWords = Object.keys(targets);

  // edit distance with adjacent transpositions (optimal string alignment); max + 1 when larger
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var before = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2] + 1);
        cur[j] = v;
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      before = prev; prev = cur;
    }
    return prev[b.length];
  }

  function before(a, b) {
    for (var i = 0; i < a.length; i++) { if (a[i] !== b[i]) return a[i] < b[i]; }
    return false;
  }

  // up to one edit in a word of four letters, two in longer words ("degoo" is "degu"); two edits only
  // towards a name or keyword with the same first letter
  function nearest(word) {
    var max = word.length <= 3 ? 0 : word.length === 4 ? 1 : 2, best = null, bestKey = null;
    if (!max) return null;
    targetWords.forEach(function (t) {
      var d = distance(word, t, max);
      if (d > max || (d === 2 && (targets[t] !== 0 || t[0] !== word[0]))) return;
      // closest first; then names over other words, the same first letter, the nearest length
      var key = [d, targets[t], t[0] === word[0] ? 0 : 1, Math.abs(t.length - word.length)];
      if (!bestKey || before(key, bestKey)) { best = t; bestKey = key; }
    });
    return best;
  }

  function startsAWord(word) {  // search matches the start of words: "guin" is not a typo
    return word.length < 3 || targetWords.some(function (t) { return t.lastIndexOf(word, 0) === 0; });
  }

  function replaceAliases(list) {
    var out = [], changed = false;
    for (var i = 0; i < list.length;) {
      var hit = 0;
      for (var n = Math.min(3, list.length - i); n >= 1 && !hit; n--) {
        var phrase = list.slice(i, i + n).join(" ");
        if (has(aliases, phrase)) { out.push.apply(out, words(aliases[phrase])); hit = n; }
      }
      if (hit) { i += hit; changed = true; } else out.push(list[i++]);
    }
    return { words: out, changed: changed };
  }

  function correct(text) {
    var asked = words(text), first = replaceAliases(asked), changed = first.changed, fixed = [];
    first.words.forEach(function (w) {
      // a stop word is dropped, never "corrected" ("since" is not a misspelt "sick")
      if (stop.has(w) || known.has(w) || has(targets, w) || /\d/.test(w) || startsAWord(w)) { fixed.push(w); return; }
      if (has(joined, w)) { fixed.push.apply(fixed, joined[w].split(" ")); changed = true; return; }
      var fix = nearest(w);
      if (fix) changed = true;
      fixed.push(fix || w);
    });
    var second = replaceAliases(fixed);
    var terms = second.words.filter(function (w) { return !stop.has(w); });
    return { asked: asked, typed: text.trim(), terms: terms.length ? terms : second.words,
             changed: changed || second.changed };
  }

  // A question that is exactly a name or keyword of a guidance page ("mice", "wet tail", "emergency")
  // puts that page first; the entries come in the order the build prefers them (guides first).
  var exactNames = V.entries.map(function (e) {
    return e[3].concat([e[0]]).map(function (n) { return words(n).filter(function (w) { return !stop.has(w); }).join(" "); });
  });
  function exactly(key) {
    for (var i = 0; i < exactNames.length; i++) { if (exactNames[i].indexOf(key) >= 0) return V.entries[i]; }
    return null;
  }
  // A question that is a species and a problem guide's title ("mouse bleeding", "hamster choking") puts
  // that guide first, as the title alone would: a guide with the species in a keyword ("mouse poison")
  // came first. Only a guide's title: a sign's name or a keyword may belong to a guide for that species
  // ("pregnant guinea pig" is pregnancy toxaemia's; a degu with no droppings, gut stasis').
  var speciesWords = new Set(), guideTitles = {}, urgencyWords = new Set();
  V.entries.forEach(function (e) {
    // "now", "urgent", "emergency": how soon, said beside the problem, not the problem itself
    if (e[1].lastIndexOf("triage/tiers/", 0) === 0) words(e[0] + " " + e[3].join(" ")).forEach(function (w) { urgencyWords.add(w); });
    if (e[1].lastIndexOf("first-aid/species/", 0) === 0) e[3].forEach(function (n) { words(n).forEach(function (w) { speciesWords.add(w); }); });
    if (/^triage\/[^/]+\/$/.test(e[1])) guideTitles[words(e[0]).filter(function (w) { return !stop.has(w); }).join(" ")] = e;
  });
  function pinned(terms) {
    var found = exactly(terms.join(" "));
    if (found || !terms.some(function (w) { return speciesWords.has(w); })) return found;
    // the rest, without the species, how soon ("now", "urgent") and words that name nothing ("badly",
    // "2am"), each word the start of the title's word in turn ("bleedin" as typed on a phone)
    var rest = terms.filter(function (w) {
      return startsATitle(w) || (!speciesWords.has(w) && !urgencyWords.has(w) && importance(w) === 3);
    });
    var titles = Object.keys(guideTitles).filter(function (title) {
      var words = title.split(" ");
      return words.length === rest.length && words.every(function (t, i) {
        return t === rest[i] || (rest[i].length >= 4 && t.lastIndexOf(rest[i], 0) === 0);
      });
    });
    return titles.length === 1 ? guideTitles[titles[0]] : null;
  }
  function startsATitle(w) {
    return w.length >= 4 && !speciesWords.has(w) && Object.keys(guideTitles).some(function (title) {
      return title.split(" ").some(function (t) { return t.lastIndexOf(w, 0) === 0; });
    });
  }

  function importance(w) { return has(targets, w) ? (targets[w] === 0 ? 3 : 2) : 1; }

  // the full question first; then only its names and keywords ("hamster cold" from "hamster cold
  // shivering badly"); then, while nothing matches, without the least telling word each time
  function attempts(terms) {
    var names = terms.filter(function (w) { return importance(w) === 3; });
    var out = [terms], rest = terms;
    if (names.length && names.length < terms.length) out.push(rest = names);
    while (rest.length > 1) {
      var worst = 0;
      rest.forEach(function (w, i) { if (importance(w) <= importance(rest[worst])) worst = i; });
      rest = rest.slice(0, worst).concat(rest.slice(worst + 1));
      out.push(rest);
    }
    return out;
  }

  // ---- Pagefind ---------------------------------------------------------------------------------
  function loadEngine() {
    if (!engine) {
      engine = import(scriptUrl.href).then(function (pagefind) {
        return pagefind.options({ baseUrl: siteBase.pathname, mergeFilter: { scope: "guidance" } })
          .then(function () { return pagefind; });
      });
    }
    return engine;
  }

  function loadNetwork() {
    if (!merged) {
      // one after another: each merge is a bundle of the network's pages
      merged = networkUrls.reduce(function (ready, url) {
        return ready.then(function (pagefind) {
          return pagefind.mergeIndex(url.pathname, { baseUrl: siteBase.pathname, mergeFilter: { scope: "network" } })
            .then(function () { return pagefind; });
        });
      }, loadEngine());
    }
    return merged;
  }

  function searchOnce(pagefind, query, filters) {
    if (!withNetwork) return pagefind.search(query, { filters: filters }).then(function (r) { return [r.results, []]; });
    var guidance = Object.assign({}, filters, { scope: "guidance" }), network = Object.assign({}, filters, { scope: "network" });
    return pagefind.search(query, { filters: guidance }).then(function (first) {
      return pagefind.search(query, { filters: network }).then(function (second) { return [first.results, second.results]; });
    });
  }

  function searchWithFallback(pagefind, plan, filters) {
    var tries = plan.terms.length ? attempts(plan.terms) : [[]];
    function next(i) {
      var query = tries[i].length ? tries[i].join(" ") : null;
      return searchOnce(pagefind, query, filters).then(function (found) {
        if (found[0].length + found[1].length || i === tries.length - 1) return { found: found, terms: tries[i], tried: i };
        return next(i + 1);
      });
    }
    return next(0);
  }

  // ---- the page ---------------------------------------------------------------------------------
  function chosenFilters() {
    var out = {};
    Object.keys(FILTERS).forEach(function (name) {
      var value = selects[name] ? selects[name].value : params.get(name);
      if (value) out[name] = value;
    });
    return out;
  }

  function buildFilters(available) {
    if (Object.keys(selects).length) return;
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
      fields.appendChild(wrap);
      selects[name] = select;
    });
  }

  function resultItem(page) {
    var li = el("li", "kb-result");
    var a = el("a", "kb-result__title", page.meta.title || page.url);
    a.href = page.url;
    li.appendChild(a);
    var type = page.filters && page.filters.type && page.filters.type[0];
    if (type) li.appendChild(el("span", "kb-result__type", type));
    var excerpt = el("p", "kb-result__excerpt");
    if (page.meta.summary) excerpt.textContent = page.meta.summary;
    else excerpt.innerHTML = page.excerpt;  // Pagefind's excerpt: escaped page text with <mark> only
    li.appendChild(excerpt);
    return li;
  }

  function entryItem(entry) {
    var li = el("li", "kb-result");
    var a = el("a", "kb-result__title", entry[0]);
    a.href = new URL(entry[1], siteBase).href;
    li.appendChild(a);
    li.appendChild(el("span", "kb-result__type", entry[2]));
    return li;
  }

  function showNext() {
    var batch = current.slice(shown, shown + PAGE), first = shown === 0;
    shown += batch.length;
    more.hidden = shown >= current.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (pages) {
      if (first && pin) {
        var path = new URL(pin[1], siteBase).pathname;
        var found = pages.filter(function (p) { return p.url === path; })[0];
        list.appendChild(found ? resultItem(found) : entryItem(pin));
        listed[path] = true;
      }
      pages.forEach(function (page) {
        if (listed[page.url]) return;
        listed[page.url] = true;
        list.appendChild(resultItem(page));
      });
    });
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function say(found, filtered) {
    var g = found[0].length, n = found[1].length;
    if (!withNetwork) {
      return g ? plural(g, "guide or page", "guides and pages") + " found." :
        "No guide matches. Try other words, or search clinics, cases and training.";
    }
    if (!g && !n) return filtered ? "No results. Try another word, or fewer filters." : "No results. Try another word.";
    return (g ? plural(g, "guide or page", "guides and pages") + (n ? ", then " : "") : "") +
      (n ? plural(n, "clinic, case or other page", "clinics, cases and other pages") : "") + ".";
  }

  function showCorrection(plan, used) {
    var box = $("kb-search-fixed");
    var changed = plan.changed || used.tried > 0;
    box.hidden = !changed || !used.terms.length;
    if (box.hidden) return;
    $("kb-search-fixed-words").textContent = used.terms.join(" ");
    $("kb-search-asked").textContent = "\u201c" + plan.typed + "\u201d";  // as typed, apostrophes and all
    var exact = new URLSearchParams();
    exact.set("q", plan.typed);
    exact.set("exact", "1");
    $("kb-search-exact").href = "?" + exact.toString();
  }

  // Offline, or when the index cannot load: the stored guides whose names match
  function fromVocabulary(plan, reason) {
    var terms = plan.terms;
    var exactly = pinned(terms);
    var scored = V.entries.map(function (e, i) {
      var title = words(e[0]), other = words(e[3].join(" ")), score = e === exactly ? 100 : 0;
      terms.forEach(function (w) {
        var starts = function (t) { return t.lastIndexOf(w, 0) === 0; };
        if (title.some(starts)) score += 2; else if (other.some(starts)) score += 1;
      });
      return { entry: e, score: score, order: i };
    }).filter(function (s) { return s.score > 0; })
      .sort(function (a, b) { return b.score - a.score || a.order - b.order; }).slice(0, PAGE);
    current = []; shown = 0; more.hidden = true; networkButton.hidden = true;
    list.replaceChildren.apply(list, scored.map(function (s) { return entryItem(s.entry); }));
    status.textContent = reason + (scored.length ? " Guides stored on this device that match:" :
      " No stored guide matches; try the A to Z of guides.");
  }

  function query() { return (document.activeElement === pageInput ? pageInput : (barInput || pageInput)).value; }

  function run(push) {
    var asked = query();
    if (barInput && barInput !== document.activeElement) barInput.value = asked;
    if (pageInput !== document.activeElement) pageInput.value = asked;
    var exact = params.get("exact") === "1" && asked === params.get("q");
    var plan = exact ? { asked: words(asked), typed: asked.trim(), terms: words(asked), changed: false } : correct(asked);
    var filters = chosenFilters();
    if (push) {
      var next = new URLSearchParams();
      if (asked.trim()) next.set("q", asked.trim());
      if (exact) next.set("exact", "1");
      if (withNetwork) next.set("all", "1");
      Object.keys(filters).forEach(function (k) { next.set(k, filters[k]); });
      history.replaceState(null, "", "?" + next.toString());
    }
    var id = ++runs;
    if (!plan.terms.length && !Object.keys(filters).length) {
      list.replaceChildren(); status.textContent = ""; more.hidden = true; networkButton.hidden = true;
      $("kb-search-fixed").hidden = true;
      return Promise.resolve();
    }
    status.textContent = "Searching…";
    return (withNetwork ? loadNetwork() : loadEngine()).then(function (pagefind) {
      return searchWithFallback(pagefind, plan, filters);
    }).then(function (used) {
      if (id !== runs) return null;
      showCorrection(plan, used);
      current = used.found[0].concat(used.found[1]);
      shown = 0;
      listed = {};
      pin = !exact && !used.tried && !Object.keys(filters).length ? pinned(used.terms) : null;
      list.replaceChildren();
      status.textContent = say(used.found, Object.keys(filters).length > 0);
      networkButton.hidden = withNetwork;
      return showNext();
    }).catch(function () {
      if (id !== runs) return;
      $("kb-search-fixed").hidden = true;
      fromVocabulary(plan, navigator.onLine === false ? "You are offline, so only stored pages can be searched." :
        "Search is not available right now.");
    });
  }

  function openFilters() {
    withNetwork = true;
    status.textContent = "Loading filters…";
    return loadNetwork().then(function (pagefind) { return pagefind.filters(); })
      .then(function (available) { buildFilters(available); return run(true); })
      .catch(function () { run(false); });
  }

  var timer = null;
  function typed(event) {
    var other = event.target === pageInput ? barInput : pageInput;
    if (other) other.value = event.target.value;
    clearTimeout(timer);
    timer = setTimeout(function () { run(true); }, 250);
  }

  var start = params.get("q") || "";
  pageInput.value = start;
  if (barInput) barInput.value = start;
  form.addEventListener("submit", function (e) { e.preventDefault(); run(true); });
  if (barForm) barForm.addEventListener("submit", function (e) { e.preventDefault(); run(true); });
  pageInput.addEventListener("input", typed);
  if (barInput) barInput.addEventListener("input", typed);
  fields.addEventListener("change", function () { run(true); });
  more.addEventListener("click", function () { showNext(); });
  networkButton.addEventListener("click", function () { withNetwork = true; run(true); });
  filterBox.addEventListener("toggle", function () { if (filterBox.open && !Object.keys(selects).length) openFilters(); });
  if (Object.keys(FILTERS).some(function (k) { return params.get(k); })) filterBox.open = true;  // the toggle runs the search
  else if (start) run(false);
})();
