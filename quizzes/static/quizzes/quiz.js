// Autosave: every change on the page is sent in the background, so closing the browser loses nothing.
(function () {
  var form = document.getElementById("quiz-form");
  if (!form || !window.fetch) return;
  var timer = null;
  function save() {
    var data = new FormData(form);
    data.set("action", "save");
    fetch(form.getAttribute("action") || window.location.href, {
      method: "POST", body: data, credentials: "same-origin", redirect: "manual",
    }).then(function () { form.dataset.saved = String(Date.now()); }).catch(function () {});
  }
  form.addEventListener("change", function () { clearTimeout(timer); timer = setTimeout(save, 400); });
  form.addEventListener("input", function (e) {
    if (e.target.tagName === "TEXTAREA" || e.target.type === "text") { clearTimeout(timer); timer = setTimeout(save, 1500); }
  });
})();

// Countdown shown to the learner. The server owns the deadline: when the clock here reaches zero
// the form is sent with action=timeout, and any later answer is ignored by the server anyway.
(function () {
  var box = document.getElementById("countdown");
  if (!box) return;
  var deadline = Date.parse(box.dataset.deadline);
  var skew = Date.parse(box.dataset.now) - Date.now();  // server time minus this device's time
  var value = document.getElementById("countdown-value");
  var form = document.getElementById("quiz-form") || document.getElementById("submit-form");
  var sent = false;
  function tick() {
    var left = Math.max(0, Math.floor((deadline - (Date.now() + skew)) / 1000));
    var m = Math.floor(left / 60), s = left % 60;
    value.textContent = m + ":" + (s < 10 ? "0" : "") + s;
    box.classList.toggle("low", left <= 60);
    if (left === 0 && !sent && form) {
      sent = true;
      var action = document.createElement("input");
      action.type = "hidden"; action.name = "action"; action.value = "timeout";
      form.appendChild(action);
      form.submit();
    }
  }
  tick();
  setInterval(tick, 1000);
  var confirmButton = document.getElementById("finish");
  if (confirmButton) confirmButton.addEventListener("click", function () { sent = true; });
})();
