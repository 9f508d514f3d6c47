// The lesson video's heartbeats (docs/video.md). The parts actually played are sent to the server
// every 10 s, on pause, at the end and when the page is left. A part is contiguous playback: two
// timeupdates whose positions advance by at most MAX_STEP seconds; a seek (forward or back) ends
// the part, so what is skipped is never sent. The server merges the parts, refuses more than the
// clock allows, and says how much is watched.
(function () {
  var video = document.querySelector("video.lesson-video[data-beat-url]");
  if (!video || !window.fetch || !window.FormData) return;
  var MAX_STEP = 2.5;   // media seconds between two timeupdates at playback rate ≤ 2 (and a slow phone)
  var BEAT_MS = 10000;
  var url = video.dataset.beatUrl, csrf = video.dataset.csrf;
  var status = document.querySelector(".video-status");
  var bar = document.querySelector(".video-bar");
  var pending = [];     // closed parts not yet accepted by the server
  var part = null;      // [start, end] being played
  var last = null;      // position at the previous timeupdate; null after a seek
  var sending = false, again = false, timer = null;

  function closePart() {
    if (part && part[1] > part[0]) pending.push(part);
    part = null;
  }

  function take() {  // everything played so far; the open part goes on from where it is cut
    var out = pending;
    pending = [];
    if (part && part[1] > part[0]) {
      out.push([part[0], part[1]]);
      part = [part[1], part[1]];
    }
    return out.map(function (r) { return [Math.round(r[0] * 100) / 100, Math.round(r[1] * 100) / 100]; });
  }

  function show(data) {
    if (status && data.message) status.textContent = data.message;
    if (bar) {
      bar.setAttribute("aria-valuenow", String(data.percent));
      bar.firstElementChild.style.width = data.percent + "%";
    }
    video.dataset.percent = String(data.percent);
    if (data.reached) video.dataset.reached = "1";
  }

  function body(ranges) {
    var form = new FormData();
    form.append("csrfmiddlewaretoken", csrf);
    form.append("ranges", JSON.stringify(ranges));
    return form;
  }

  function beat() {
    if (sending) { again = true; return; }  // one beat in flight at a time
    var ranges = take();
    sending = true;
    video.dataset.sending = "1";  // a beat in flight (the browser tests wait for the server to settle)
    fetch(url, { method: "POST", body: body(ranges), credentials: "same-origin" })
      .then(function (response) {
        if (response.status >= 500) throw new Error("server");
        return response.json().then(function (data) { if (response.ok) show(data); });
      })
      .catch(function () { pending = ranges.concat(pending); })  // offline: send them with the next beat
      .then(function () {
        sending = false;
        delete video.dataset.sending;
        video.dataset.beats = String(Number(video.dataset.beats || 0) + 1);
        if (again) { again = false; beat(); }
      });
  }

  video.addEventListener("play", function () {
    last = video.currentTime;
    beat();  // starts the server's clock for this stretch of playback
    clearInterval(timer);
    timer = setInterval(beat, BEAT_MS);
  });
  video.addEventListener("timeupdate", function () {
    var now = video.currentTime;
    if (last !== null && !video.seeking && now > last && now - last <= MAX_STEP) {
      if (!part) part = [last, now]; else part[1] = now;
    } else if (last !== null && now !== last) {
      closePart();
    }
    last = video.seeking ? null : now;
  });
  video.addEventListener("seeking", function () { closePart(); last = null; });
  video.addEventListener("seeked", function () { last = video.paused ? null : video.currentTime; });
  ["pause", "ended"].forEach(function (name) {
    video.addEventListener(name, function () { clearInterval(timer); closePart(); beat(); });
  });
  window.addEventListener("pagehide", function () {
    closePart();
    var ranges = take();
    if (ranges.length && navigator.sendBeacon) navigator.sendBeacon(url, body(ranges));
  });
})();
