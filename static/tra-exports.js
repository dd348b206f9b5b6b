// The exports panel (assessments/partials/exports.html): fetched on load, fetched again when the
// assessment's socket says an export moved, and every 3 s while one is unfinished (so a page
// whose socket is down still sees it finish). No htmx: the admin review page has none.
(function () {
  "use strict";
  var timer = null;

  function reload(src, next) {
    var url = src + (src.indexOf("?") < 0 ? "?" : "&") + "next=" + encodeURIComponent(next);
    fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var current = document.getElementById("exports");
        if (!current) return;
        var holder = document.createElement("div");
        holder.innerHTML = html.trim();
        var panel = holder.firstElementChild;
        if (!panel) return;
        current.replaceWith(panel);
        window.clearTimeout(timer);
        if (panel.hasAttribute("data-busy")) timer = window.setTimeout(function () { reload(src, next); }, 3000);
      })
      .catch(function () { timer = window.setTimeout(function () { reload(src, next); }, 10000); });
  }

  function connect(path, onExport, attempt) {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + path);
    socket.onmessage = function (event) {
      var msg;
      try { msg = JSON.parse(event.data); } catch (e) { return; }
      if (msg.kind === "export") onExport();
    };
    socket.onclose = function (event) {
      if (event.code >= 4400 || attempt > 5) return;  // refused, or gave up: the polling remains
      window.setTimeout(function () { connect(path, onExport, attempt + 1); }, 1000 * (attempt + 1));
    };
  }

  document.addEventListener("DOMContentLoaded", function () {
    var first = document.getElementById("exports");
    if (!first || !first.hasAttribute("data-src")) return;
    var src = first.getAttribute("data-src").split("?")[0];
    var next = window.location.pathname;
    reload(src, next);
    var path = first.getAttribute("data-ws-path");
    if (path && "WebSocket" in window) connect(path, function () { reload(src, next); }, 0);
  });
})();
