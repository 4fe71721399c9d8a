/* SPDX-License-Identifier: EUPL-1.2 */
/* The resident survey works without this script. With it, a points question shows its total
   while the resident types (the page shows the total of what was sent without it). */
document.querySelectorAll("[data-points]").forEach(function (group) {
  var inputs = group.querySelectorAll("[data-points-input]");
  var total = group.querySelector("[data-points-total]");
  function update() {
    var sum = 0;
    inputs.forEach(function (input) {
      var text = input.value.trim();
      if (/^[0-9]+$/.test(text)) { sum += parseInt(text, 10); }
    });
    total.textContent = String(sum);
  }
  inputs.forEach(function (input) { input.addEventListener("input", update); });
});
