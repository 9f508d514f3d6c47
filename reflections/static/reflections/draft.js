// Keeps what the learner types in this browser (localStorage) until it is saved on the server, so a
// dropped connection or a closed tab loses nothing; offers to restore it when the page comes back
// with an older text. Nothing is sent anywhere: saving stays the learner's "Lưu nháp" / "Nộp bài".
(function () {
  "use strict";
  var form = document.querySelector("form[data-draft-key]");
  if (!form) return;
  var key = form.getAttribute("data-draft-key");
  var text = form.querySelector("textarea[name=text]");
  var box = form.querySelector(".rf-restore");
  var counter = form.querySelector(".rf-counter");
  var dirty = false;
  function store() { try { return window.localStorage; } catch (e) { return null; } }
  function words() {
    var n = (text.value.match(/\S+/g) || []).length;
    if (counter) counter.textContent = counter.getAttribute("data-label") + ": " + n;
  }
  var local = store();
  if (form.getAttribute("data-saved") === "1" && local) local.removeItem(key);
  var kept = local ? local.getItem(key) : null;
  if (kept !== null && kept !== text.value && kept.trim() !== "" && box) {
    box.hidden = false;
    box.querySelector("button").addEventListener("click", function () {
      text.value = kept; box.hidden = true; dirty = true; words();
    });
  }
  text.addEventListener("input", function () {
    dirty = true; words();
    if (local) { try { local.setItem(key, text.value); } catch (e) { /* full: the server copy stays */ } }
  });
  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }
  });
  words();
})();
