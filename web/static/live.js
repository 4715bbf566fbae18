// Live parts of the console's pages (the inbox, a conversation): every second the part
// marked data-live="URL" is fetched again and swapped in when it changed. The server
// renders (and escapes) the fragment; the page works the same without this file.
(function () {
  "use strict";
  var region = document.querySelector("[data-live]");
  if (!region || !window.fetch) return;
  var url = region.getAttribute("data-live");
  var last = region.innerHTML;
  var EVERY_MS = 1000;

  function tick() {
    fetch(url, { credentials: "same-origin", cache: "no-store", redirect: "manual" })
      .then(function (response) {
        // A redirect means the session ended: stop, the next click goes to the login page.
        if (response.type === "opaqueredirect" || response.status !== 200) throw new Error("stop");
        return response.text();
      })
      .then(function (html) {
        // A voice note being played would stop if swapped: the swap waits for its end.
        if (html !== last && !playing()) {
          var focused = document.activeElement && region.contains(document.activeElement);
          region.innerHTML = html;
          last = html;
          if (focused) region.focus();
        }
        setTimeout(tick, EVERY_MS);
      })
      .catch(function (error) {
        if (error && error.message === "stop") return;
        setTimeout(tick, EVERY_MS * 3);
      });
  }
  function playing() {
    var media = region.querySelectorAll("audio, video");
    for (var i = 0; i < media.length; i++) {
      if (!media[i].paused && !media[i].ended) return true;
    }
    return false;
  }

  document.documentElement.classList.add("js");
  setTimeout(tick, EVERY_MS);
})();
