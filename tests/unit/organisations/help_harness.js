// Runs the built assets/help.js under Node for tests/unit/organisations/test_help_differential.py: the script path is the
// first argument; then each line on standard input is one JSON request and each line written is its
// answer. Only window.kbHelp's pure functions are called, so the page globals are minimal stand-ins.
"use strict";
const fs = require("fs");
const readline = require("readline");
const vm = require("vm");

const sandbox = {
  Intl, Date, Math, JSON, String, Object, Array, Infinity,
  document: { readyState: "complete", querySelectorAll: () => [] },
  localStorage: { getItem: () => null, setItem: () => {}, removeItem: () => {} },
};
sandbox.window = sandbox;
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(process.argv[2], "utf8"), sandbox);
const help = sandbox.kbHelp;

function row(r) {
  return { id: r.rec.id, state: r.status.state, partnerFor: r.partnerFor || null, closingSoon: !!r.closingSoon };
}

function answer(request) {
  const now = new Date(request.now);
  if (request.kind === "status") {
    const st = help.status(request.record, now, request.service || null);
    return { state: st.state, phone: st.phone ? st.phone.tel : null, until: st.until || null,
             when: st.when || null, words: help.words(st) };
  }
  const result = help.whoCanHelp(request.data, { region: request.region || null, place: request.place || null,
                                                 now: now, need: request.need });
  return { region: result.region, now: result.now.map(row), later: result.later.map(row),
           nearestOpen: result.nearestOpen.map(row) };
}

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  let out;
  try { out = answer(JSON.parse(line)); } catch (e) { out = { error: String(e && e.stack || e) }; }
  process.stdout.write(JSON.stringify(out) + "\n");
});
