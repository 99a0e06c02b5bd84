// Filters of the krav table: by status (check boxes and the summary's counts), topic, section and
// free text. Rows are shown or hidden; nothing is ever written into the page as markup.
(function () {
  "use strict";
  var form = document.querySelector(".filters");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#kravtabell tbody tr"));
  var shown = document.querySelector(".shown");
  var empty = document.querySelector(".empty");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=status]"));
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });

  function apply() {
    var statuses = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
    var topic = form.elements.topic.value;
    var section = form.elements.section.value;
    var words = form.elements.q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var count = 0;
    rows.forEach(function (row, i) {
      var visible = statuses.indexOf(row.dataset.status) >= 0
        && (!topic || row.dataset.topics.split(" ").indexOf(topic) >= 0)
        && (!section || row.dataset.section === section)
        && words.every(function (word) { return texts[i].indexOf(word) >= 0; });
      row.hidden = !visible;
      if (visible) { count += 1; }
    });
    shown.textContent = "Visar " + count + " av " + rows.length + " krav.";
    empty.hidden = count > 0;
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  document.querySelector(".show-all").addEventListener("click", function () { form.reset(); apply(); });

  // A count in the summary shows that status only, and takes the reader to the table.
  Array.prototype.forEach.call(document.querySelectorAll("button.only"), function (button) {
    button.addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = box.value === button.dataset.status; });
      apply();
      document.getElementById("krav").focus();
    });
  });

  // A printout shows the details of every krav the filter shows; the screen gets back its state.
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.filter.call(document.querySelectorAll("#kravtabell details"), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (d) { d.open = false; });
  });
})();
