/* Results grid. Each row is a form saved through htmx (the response replaces the row):
   - a field that changes saves its row; Enter saves the row and moves to the next row's first
     field (or to the cause when the target was missed);
   - a field edited while its row was being saved keeps the new value across the swap and is
     saved again once the first save is in (never on top of a conflict);
   - a refused save (403: the period is submitted) is said in the alert above the grid;
   - a saved row carries the server's new "Còn n/m chỉ tiêu chưa có kết quả" question, which
     replaces the hx-confirm of the "Nộp báo cáo" form.
   No inline JS: the template only carries ids and classes. */
(function () {
  "use strict";
  var grid = document.getElementById("results-grid");
  if (!grid) { return; }
  var status = document.getElementById("results-status");
  var errorBox = document.getElementById("results-error");
  var moveAfter = null;   // {id, armed}: the row whose save (armed once sent) moves the focus on
  var sent = {};          // row id -> the values its in-flight request carries
  var kept = {};          // row id -> values typed while that request was in flight
  var swapping = false;   // removing a focused field during a swap fires "change" on it

  function rowOf(el) { return el && el.closest ? el.closest("tr.result-row") : null; }
  function formOf(row) { return row ? row.querySelector("form.result-form") : null; }
  function fields(row) {
    return Array.prototype.filter.call(
      row.querySelectorAll("input:not([type=hidden]), select, textarea"),
      function (el) { return !el.disabled && el.name; });
  }
  function valueOf(el) {
    if (el.type === "checkbox") { return el.checked ? "on" : null; }
    return el.value;
  }
  function setValue(el, value) {
    if (el.type === "checkbox") { el.checked = value === "on"; } else { el.value = value; }
  }
  function differsFromServer(el) {
    if (el.type === "checkbox") { return el.checked !== el.defaultChecked; }
    if (el.tagName === "SELECT") {
      return Array.prototype.some.call(el.options, function (o) { return o.selected !== o.defaultSelected; });
    }
    return el.value !== el.defaultValue;
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
  function nextRow(row) {
    var next = row.nextElementSibling;
    while (next && !(next.classList.contains("result-row") && fields(next).length)) {
      next = next.nextElementSibling;
    }
    return next;
  }
  function moveFrom(row) {
    var problem = row.querySelector(".conflict") || row.querySelector(".is-invalid:not([data-needs-cause])");
    if (problem) {
      focusField(row.querySelector(".is-invalid") || fields(row)[0]);
      return;
    }
    var cause = row.querySelector("[data-needs-cause]");
    if (cause && !cause.value && document.activeElement !== cause) {
      focusField(cause);
      return;
    }
    var next = nextRow(row);
    if (next) { focusField(fields(next)[0]); }
  }

  grid.addEventListener("change", function (event) {
    var row = rowOf(event.target);
    if (!swapping && row && event.target.form && differsFromServer(event.target)) { save(row); }
  });
  grid.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") { return; }
    var tag = event.target.tagName;
    if (tag === "TEXTAREA" || tag === "BUTTON" || tag === "A") { return; }
    var row = rowOf(event.target);
    if (!row || !formOf(row)) { return; }
    event.preventDefault();
    // Move on once the save carrying this Enter is in (the one in flight, if any, else a new one).
    moveAfter = {id: row.id, armed: formOf(row).classList.contains("htmx-request")};
    save(row);
  });

  document.body.addEventListener("htmx:configRequest", function (event) {
    var row = rowOf(event.detail.elt);
    if (!row) { return; }
    var values = {};
    fields(row).forEach(function (el) { values[el.name] = valueOf(el); });
    sent[row.id] = values;
    if (moveAfter && moveAfter.id === row.id) { moveAfter.armed = true; }
  });
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    var row = rowOf(event.detail.target) || event.detail.target;
    swapping = true;
    if (!row || !sent[row.id]) { return; }
    var typed = {};
    var any = false;
    fields(row).forEach(function (el) {
      if (valueOf(el) !== sent[row.id][el.name]) { typed[el.name] = valueOf(el); any = true; }
    });
    delete sent[row.id];
    if (any) { kept[row.id] = typed; }
  });
  ["htmx:afterSwap", "htmx:afterRequest", "htmx:responseError"].forEach(function (name) {
    document.body.addEventListener(name, function () { swapping = false; });
  });
  document.body.addEventListener("htmx:afterSettle", function (event) {
    var row = rowOf(event.detail.elt) || event.detail.elt;
    if (!row || !row.classList || !row.classList.contains("result-row")) { return; }
    errorBox.classList.add("d-none");
    // A saved row brings the server's new count for the "Nộp báo cáo" confirmation (hx-confirm).
    var submit = document.getElementById("submit-report");
    if (submit && row.dataset.submitConfirm) { submit.setAttribute("hx-confirm", row.dataset.submitConfirm); }
    if (status) { status.textContent = row.querySelector(".saved") ? "Đã lưu" : ""; }
    var typed = kept[row.id];
    delete kept[row.id];
    if (typed && row.querySelector(".saved")) {
      fields(row).forEach(function (el) { if (el.name in typed) { setValue(el, typed[el.name]); } });
      save(row);  // the row now carries the new version: this is not a conflict with oneself
      return;
    }
    if (moveAfter && moveAfter.id === row.id && moveAfter.armed) {
      moveAfter = null;
      moveFrom(row);
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
