/* Referral form: required fields with an error summary, a draft kept in this browser only,
   and a printable summary plus plain text. Nothing is sent anywhere. */
(function () {
  "use strict";
  var form = document.getElementById("kb-referral-form");
  if (!form) return;
  var KEY = "kb-referral-draft-v1";
  var errors = document.getElementById("rf-errors");
  var errorList = document.getElementById("rf-errors-list");
  var summary = document.getElementById("rf-summary");
  var list = document.getElementById("rf-summary-list");
  var text = document.getElementById("rf-text");
  var status = document.getElementById("rf-status");

  function fields() { return Array.prototype.slice.call(form.elements).filter(function (el) { return el.name; }); }
  function labelOf(el) { return document.querySelector("label[for='" + el.id + "']").firstChild.textContent.trim(); }
  function valueOf(el) { return el.tagName === "SELECT" ? (el.value ? el.options[el.selectedIndex].text : "") : el.value.trim(); }

  function save() {
    var data = {};
    fields().forEach(function (el) { data[el.name] = el.value; });
    try { localStorage.setItem(KEY, JSON.stringify(data)); } catch (e) { /* storage may be off */ }
  }

  function restore() {
    var data = null;
    try { data = JSON.parse(localStorage.getItem(KEY) || "null"); } catch (e) { data = null; }
    if (!data) return;
    fields().forEach(function (el) { if (typeof data[el.name] === "string") el.value = data[el.name]; });
    status.textContent = "Your draft was restored.";
  }

  function problemFor(el) {
    var value = el.value.trim();
    if (el.required && !value) return el.tagName === "SELECT" ? "Choose the " + labelOf(el).toLowerCase() : "Enter the " + labelOf(el).toLowerCase();
    if (el.getAttribute("inputmode") === "numeric" && value && !(/^\d+$/.test(value) && +value > 0)) return "Enter the weight in whole grams, for example 850";
    return "";
  }

  function showErrors(found) {
    errorList.replaceChildren();
    fields().forEach(function (el) {
      var message = document.getElementById(el.id + "-error");
      var problem = found[el.name] || "";
      message.textContent = problem;
      message.hidden = !problem;
      if (problem) el.setAttribute("aria-invalid", "true"); else el.removeAttribute("aria-invalid");
      el.closest(".kb-field").classList.toggle("kb-field--error", !!problem);
    });
    Object.keys(found).forEach(function (name) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "#rf-" + name;
      a.textContent = found[name];
      li.appendChild(a);
      errorList.appendChild(li);
    });
    errors.hidden = Object.keys(found).length === 0;
  }

  function makeSummary() {
    list.replaceChildren();
    var lines = ["SMALL MAMMAL REFERRAL", "Made " + new Date().toLocaleString("en-GB"), ""];
    fields().forEach(function (el) {
      var value = valueOf(el);
      if (!value) return;
      var dt = document.createElement("dt"); dt.textContent = labelOf(el);
      var dd = document.createElement("dd"); dd.textContent = el.name === "weight_g" ? value + " g" : value;
      list.appendChild(dt); list.appendChild(dd);
      lines.push(labelOf(el) + ": " + dd.textContent);
    });
    text.value = lines.join("\n");
    summary.hidden = false;
    summary.scrollIntoView();
    document.getElementById("rf-summary-title").focus({ preventScroll: true });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var found = {};
    fields().forEach(function (el) { var p = problemFor(el); if (p) found[el.name] = p; });
    showErrors(found);
    if (Object.keys(found).length) { summary.hidden = true; errors.focus(); return; }
    makeSummary();
  });
  form.addEventListener("input", save);
  form.addEventListener("change", save);
  document.getElementById("rf-clear").addEventListener("click", function () {
    form.reset();
    try { localStorage.removeItem(KEY); } catch (e) { /* nothing stored */ }
    showErrors({});
    summary.hidden = true;
    status.textContent = "The form and the draft were cleared.";
  });
  document.getElementById("rf-copy").addEventListener("click", function () {
    text.select();
    var done = function () { status.textContent = "Copied."; };
    if (navigator.clipboard) navigator.clipboard.writeText(text.value).then(done, function () { document.execCommand("copy"); done(); });
    else { document.execCommand("copy"); done(); }
  });
  document.getElementById("rf-print").addEventListener("click", function () { window.print(); });
  document.getElementById("rf-summary-title").setAttribute("tabindex", "-1");
  restore();
})();
