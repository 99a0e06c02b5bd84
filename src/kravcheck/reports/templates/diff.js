// The diff page: the view (redline in running text, or old and new side by side) and the filters
// by kind and "bara väsentliga". Changes are shown or hidden; nothing is written as markup.
(function () {
  "use strict";
  var form = document.querySelector(".filters");
  var container = document.querySelector(".changes");
  var changes = Array.prototype.slice.call(document.querySelectorAll("article.change"));
  var topics = Array.prototype.slice.call(document.querySelectorAll("section.topic"));
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=kind]"));
  var shown = document.querySelector(".shown");
  var empty = container.querySelector(".empty");

  function apply() {
    var kinds = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
    var onlyMaterial = form.elements.material.checked;
    var count = 0;
    changes.forEach(function (change) {
      var visible = change.dataset.kinds.split(" ").some(function (kind) { return kinds.indexOf(kind) >= 0; })
        && (!onlyMaterial || change.dataset.material === "true");
      change.hidden = !visible;
      if (visible) { count += 1; }
    });
    topics.forEach(function (topic) { topic.hidden = !topic.querySelector("article.change:not([hidden])"); });
    var sides = form.elements.view.value === "sides";
    container.classList.toggle("view-sides", sides);
    container.classList.toggle("view-inline", !sides);
    shown.textContent = "Visar " + count + " av " + changes.length + " ändringar.";
    empty.hidden = count > 0;
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  document.querySelector(".show-all").addEventListener("click", function () { form.reset(); apply(); });
})();
