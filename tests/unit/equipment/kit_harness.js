// Runs theme/assets/kit-availability.js under Node for tests/unit/equipment/test_kit_differential.py: the
// script path is the first argument; each line on standard input is one JSON request, each line written
// its answer. Only window.kbKit's functions are called, so the page globals are minimal stand-ins.
"use strict";
const fs = require("fs");
const readline = require("readline");
const vm = require("vm");

const sandbox = { Date, Math, JSON, String, Object, Array };
sandbox.window = sandbox;
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(process.argv[2], "utf8"), sandbox);
const kit = sandbox.kbKit;

function answer(request) {
  if (request.kind === "item") {
    return { available: kit.availableOn(request.item, request.day), free: kit.freeFrom(request.item, request.day) };
  }
  if (request.kind === "nearest") return { chosen: kit.nearest(request.items, request.day, request.limit) };
  if (request.kind === "today") {
    const root = request.pinned ? { getAttribute: () => request.pinned } : { getAttribute: () => null };
    return { today: kit.today(root, new Date(request.now)) };
  }
  throw new Error("unknown request " + request.kind);
}

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  let out;
  try { out = answer(JSON.parse(line)); } catch (e) { out = { error: String(e && e.stack || e) }; }
  process.stdout.write(JSON.stringify(out) + "\n");
});
