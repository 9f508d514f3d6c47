// The projector page of a study session (learning/templates/learning/checkin_projector.html): polls
// the current check-in code every slot and redraws the QR code, the countdown and the count.
// A static file, not an inline script: the Content-Security-Policy allows no inline script.
(function () {
  var screen = document.getElementById("projector");
  if (!screen) return;
  var endpoint = screen.dataset.endpoint;
  var left = parseInt(screen.dataset.secondsLeft, 10) || 30;
  var qr = document.getElementById("qr"), countdown = document.getElementById("countdown");
  var count = document.getElementById("checked-in"), state = document.getElementById("window-state");
  function showState(open) {
    state.classList.toggle("closed", !open);
    state.textContent = open ? state.dataset.open : state.dataset.closed;
  }
  showState(screen.dataset.open === "true");
  function refresh() {
    fetch(endpoint, {credentials: "same-origin", cache: "no-store"})
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) {
        qr.innerHTML = data.svg;
        count.textContent = data.checked_in;
        showState(data.open);
        left = data.seconds_left;
        countdown.textContent = left;
      })
      .catch(function () { left = 3; });
  }
  setInterval(function () {
    left -= 1;
    if (left <= 0) { refresh(); left = 30; }
    countdown.textContent = Math.max(left, 0);
  }, 1000);
  document.getElementById("fullscreen").addEventListener("click", function () {
    if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen();
  });
})();
