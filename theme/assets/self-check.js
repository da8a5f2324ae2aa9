/* Module self-check: choose an answer and check it. Without JavaScript each answer is a
   "Show the answer" expander. */
(function () {
  "use strict";
  var questions = Array.prototype.slice.call(document.querySelectorAll(".kb-question"));
  if (!questions.length) return;
  var score = document.getElementById("kb-self-check-score");
  var results = {};

  questions.forEach(function (q, index) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "kb-button";
    button.textContent = "Check answer";
    q.insertBefore(button, q.querySelector(".kb-question__result"));
    button.addEventListener("click", function () {
      var chosen = q.querySelector("input:checked");
      var result = q.querySelector(".kb-question__result");
      if (!chosen) { result.textContent = "Choose an answer first."; return; }
      var right = chosen.value === q.getAttribute("data-answer");
      results[index] = right;
      result.textContent = right ? "Correct." : "Not quite.";
      result.className = "kb-question__result " + (right ? "kb-question__result--right" : "kb-question__result--wrong");
      q.querySelector("details").open = true;
      var answered = Object.keys(results).length;
      var correct = Object.keys(results).filter(function (k) { return results[k]; }).length;
      score.textContent = answered === questions.length ?
        "You answered " + correct + " of " + questions.length + " correctly." : "";
    });
  });
})();
