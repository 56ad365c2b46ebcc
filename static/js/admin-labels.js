// The admin's tabular inlines show each field's name once, in the column's header, and leave the
// inputs of the rows without a label (WCAG 1.3.1, 4.1.2): each input is named after its column.
// Groups that scroll sideways on a phone take keyboard focus, so they can be scrolled without a mouse.
"use strict";

(function () {
  function labelRows(group) {
    const headers = [...group.querySelectorAll("thead th")];
    group.querySelectorAll("tbody tr").forEach((row) => {
      [...row.children].forEach((cell) => {
        const column = cell.className.match(/\bfield-([\w-]+)/);
        const header = column
          ? headers.find((th) => th.classList.contains("column-" + column[1]))
          : cell.classList.contains("delete") && headers[headers.length - 1];
        const name = header && header.textContent.trim();
        if (!name) {
          return;
        }
        cell.querySelectorAll("input:not([type=hidden]), select, textarea").forEach((field) => {
          if (!field.labels.length && !field.hasAttribute("aria-label") && !field.closest(".select2-container")) {
            field.setAttribute("aria-label", name);
          }
        });
      });
    });
  }

  function start() {
    document.querySelectorAll(".inline-group").forEach((group) => {
      if (!group.hasAttribute("tabindex")) {
        group.setAttribute("tabindex", "0");
      }
      if (group.querySelector(".tabular")) {
        labelRows(group);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", start);
  // A row added with "Add another" arrives unlabelled.
  document.addEventListener("formset:added", (event) => {
    const group = event.target.closest(".inline-group");
    if (group) {
      labelRows(group);
    }
  });
})();
