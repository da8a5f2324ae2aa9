/* Referral form: required fields with an error summary, a draft kept in this browser only,
   and a printable summary plus plain text. Nothing is sent anywhere. Choices are radio buttons and
   tick boxes, so the printed blank form can be filled by hand. */
(function () {
  "use strict";
  var form = document.getElementById("kb-referral-form");
  if (!form) return;
  var KEY = "kb-referral-draft-v2";
  var FILLED = "__phone_from_list";
  var errors = document.getElementById("rf-errors");
  var errorList = document.getElementById("rf-errors-list");
  var summary = document.getElementById("rf-summary");
  var list = document.getElementById("rf-summary-list");
  var text = document.getElementById("rf-text");
  var status = document.getElementById("rf-status");
  var when = document.getElementById("rf-when");
  var clinic = document.getElementById("rf-to_clinic");
  var phone = document.getElementById("rf-to_phone");

  /* One entry per field name, in the form's order (a radio group is one field). */
  function names() {
    var seen = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && seen.indexOf(el.name) < 0) seen.push(el.name);
    });
    return seen;
  }
  function inputs(name) { return Array.prototype.slice.call(form.querySelectorAll("[name='" + name + "']")); }
  function kind(name) { return inputs(name)[0].type; }
  function labelOf(name) {
    var box = document.getElementById("field-" + name);
    var legend = box.querySelector("legend");
    var label = legend || box.querySelector("label");
    return label.firstChild.textContent.trim();
  }
  function valueOf(name) {
    var els = inputs(name);
    if (kind(name) === "radio") {
      var chosen = els.filter(function (el) { return el.checked; })[0];
      return chosen ? document.querySelector("label[for='" + chosen.id + "']").textContent.trim() : "";
    }
    if (kind(name) === "checkbox") return els[0].checked ? "Yes" : "";
    return els[0].value.trim();
  }

  function save() {
    var data = {};
    names().forEach(function (name) {
      var els = inputs(name);
      if (kind(name) === "radio") {
        var chosen = els.filter(function (el) { return el.checked; })[0];
        data[name] = chosen ? chosen.value : "";
      } else if (kind(name) === "checkbox") data[name] = els[0].checked;
      else data[name] = els[0].value;
    });
    // whether the phone came from the network's list: a draft restored must still follow the clinic
    data[FILLED] = phone.getAttribute("data-filled") === "yes";
    try { localStorage.setItem(KEY, JSON.stringify(data)); } catch (e) { /* storage may be off */ }
  }

  function restore() {
    var data = null;
    try { data = JSON.parse(localStorage.getItem(KEY) || "null"); } catch (e) { data = null; }
    if (!data) return false;
    names().forEach(function (name) {
      if (!(name in data)) return;
      inputs(name).forEach(function (el) {
        if (el.type === "radio") el.checked = el.value === data[name];
        else if (el.type === "checkbox") el.checked = data[name] === true;
        else if (typeof data[name] === "string") el.value = data[name];
      });
    });
    if (data[FILLED] || (phone.value && phone.value === listedPhone())) phone.setAttribute("data-filled", "yes");
    status.textContent = "Your draft was restored.";
    return true;
  }

  function now() {
    return new Date().toLocaleString("en-GB", { day: "numeric", month: "long", year: "numeric",
                                                 hour: "2-digit", minute: "2-digit" });
  }

  /* The receiving clinic's referral line, from the network's list, when the clinic is one of it. */
  function listedPhone() {
    var option = Array.prototype.slice.call(document.querySelectorAll("#rf-receivers option"))
      .filter(function (o) { return o.value === clinic.value.trim(); })[0];
    return option ? option.getAttribute("data-phone") : null;
  }

  function fillPhone() {
    var listed = listedPhone();
    if (listed && (!phone.value || phone.getAttribute("data-filled") === "yes")) {
      phone.value = listed;
      phone.setAttribute("data-filled", "yes");
    }
  }

  function problemFor(name) {
    var el = inputs(name)[0];
    var value = valueOf(name);
    if (el.required && !value) {
      if (kind(name) === "radio") {
        return document.getElementById("field-" + name).getAttribute("data-kb-ask") ||
          "Choose the " + labelOf(name).toLowerCase();
      }
      if (kind(name) === "checkbox") return "Confirm that " + labelOf(name).charAt(0).toLowerCase() + labelOf(name).slice(1);
      return "Enter the " + labelOf(name).toLowerCase();
    }
    if (el.hasAttribute("data-kb-number") && value && !(/^\d+$/.test(value) && +value > 0)) {
      return name === "journey_minutes" ? "Enter the journey time in whole minutes, for example 25"
                                        : "Enter the weight in whole grams, for example 850";
    }
    return "";
  }

  function showErrors(found) {
    errorList.replaceChildren();
    names().forEach(function (name) {
      var message = document.getElementById("rf-" + name + "-error");
      var problem = found[name] || "";
      message.textContent = problem;
      message.hidden = !problem;
      inputs(name).forEach(function (el) {
        if (problem) el.setAttribute("aria-invalid", "true"); else el.removeAttribute("aria-invalid");
      });
      document.getElementById("field-" + name).classList.toggle("kb-field--error", !!problem);
    });
    Object.keys(found).forEach(function (name) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "#" + inputs(name)[0].id;
      a.textContent = found[name];
      li.appendChild(a);
      errorList.appendChild(li);
    });
    errors.hidden = Object.keys(found).length === 0;
  }

  function makeSummary() {
    list.replaceChildren();
    var lines = ["SMALL MAMMAL REFERRAL", "Made " + now(), ""];
    names().forEach(function (name) {
      var value = valueOf(name);
      if (!value) return;
      var shown = /_g$/.test(name) ? value + " g" : name === "journey_minutes" ? value + " minutes" : value;
      var dt = document.createElement("dt"); dt.textContent = labelOf(name);
      var dd = document.createElement("dd"); dd.textContent = shown;
      list.appendChild(dt); list.appendChild(dd);
      lines.push(labelOf(name) + ": " + shown);
    });
    text.value = lines.join("\n");
    summary.hidden = false;
    summary.scrollIntoView();
    document.getElementById("rf-summary-title").focus({ preventScroll: true });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    stamp();
    var found = {};
    names().forEach(function (name) { var p = problemFor(name); if (p) found[name] = p; });
    showErrors(found);
    if (Object.keys(found).length) { summary.hidden = true; errors.focus(); return; }
    makeSummary();
  });
  /* The date and time are filled in once someone starts filling the form, so a form printed blank
     has an empty line for them. */
  function stamp() { if (!when.value) when.value = now(); }
  form.addEventListener("input", function (event) { if (event.target !== when) stamp(); save(); });
  form.addEventListener("change", function () { stamp(); save(); });
  clinic.addEventListener("input", function () { fillPhone(); save(); });
  phone.addEventListener("input", function () { phone.removeAttribute("data-filled"); });
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
