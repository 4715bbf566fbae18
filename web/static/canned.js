// Choosing a canned reply copies its text (the name already filled in) into the reply
// box, so it can be changed before sending. Without this script the form's own button
// sends the chosen reply as it is.
"use strict";
document.querySelectorAll("select[data-fills]").forEach((select) => {
  const box = document.getElementById(select.dataset.fills);
  if (!box) return;
  const fill = () => {
    const option = select.options[select.selectedIndex];
    if (option && option.dataset.text !== undefined) box.value = option.dataset.text;
  };
  select.addEventListener("change", fill);
});
