/* Results grid: each row saves through htmx when a field changes; Enter saves the row and moves
   to the next row's first field (or to the cause when the target was missed). No inline JS. */
(function () {
  "use strict";
  var grid = document.getElementById("results-grid");
  if (!grid) { return; }
  var status = document.getElementById("results-status");
  var errorBox = document.getElementById("results-error");
  var moveAfter = null;

  function rowOf(el) { return el.closest ? el.closest("tr.result-row") : null; }
  function formOf(row) { return row ? row.querySelector("form.result-form") : null; }
  function fields(row) {
    return Array.prototype.filter.call(
      row.querySelectorAll("input:not([type=hidden]), select, textarea"),
      function (el) { return !el.disabled; });
  }
  function save(row) {
    var form = formOf(row);
    if (!form) { return; }
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  }
  function focusField(el) {
    el.focus();
    if (el.select && el.type === "text") { el.select(); }
  }
  function moveFrom(rowId) {
    var row = document.getElementById(rowId);
    if (!row) { return; }
    var cause = row.querySelector("[data-needs-cause]");
    if (cause && !cause.value && document.activeElement !== cause && !row.querySelector(".is-invalid:not([data-needs-cause])")) {
      focusField(cause);
      return;
    }
    if (row.querySelector(".is-invalid:not([data-needs-cause])") || row.querySelector(".conflict")) {
      var bad = row.querySelector(".is-invalid") || fields(row)[0];
      if (bad) { focusField(bad); }
      return;
    }
    var next = row.nextElementSibling;
    while (next && !(next.classList.contains("result-row") && fields(next).length)) {
      next = next.nextElementSibling;
    }
    if (next) { focusField(fields(next)[0]); }
  }

  grid.addEventListener("change", function (event) {
    var row = rowOf(event.target);
    if (row && event.target.form) { save(row); }
  });
  grid.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") { return; }
    var tag = event.target.tagName;
    if (tag === "TEXTAREA" || tag === "BUTTON" || tag === "A") { return; }
    var row = rowOf(event.target);
    if (!row || !formOf(row)) { return; }
    event.preventDefault();
    moveAfter = row.id;
    save(row);
  });
  document.body.addEventListener("htmx:afterSettle", function (event) {
    var row = rowOf(event.detail.elt) || event.detail.elt;
    if (!row || !row.classList || !row.classList.contains("result-row")) { return; }
    errorBox.classList.add("d-none");
    if (status) { status.textContent = row.querySelector(".saved") ? "Đã lưu" : ""; }
    if (moveAfter && document.getElementById(moveAfter)) {
      var id = moveAfter;
      moveAfter = null;
      moveFrom(id);
    }
  });
  document.body.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    errorBox.textContent = xhr.status === 403
      ? "Không lưu được: báo cáo kỳ này đã nộp hoặc bạn không có quyền sửa. Tải lại trang để xem số liệu hiện tại."
      : "Không lưu được (lỗi " + xhr.status + "). Vui lòng thử lại.";
    errorBox.classList.remove("d-none");
    moveAfter = null;
  });
})();
