// The bell: opens ws/notifications/ and shows the unread count the server pushes (a snapshot on
// connect, then one message per new note or read). The socket only pushes; nothing is sent.
(function () {
  "use strict";
  var bell = document.getElementById("tra-bell");
  if (!bell || !window.WebSocket) return;
  var counter = document.getElementById("tra-bell-count");
  var delay = 1000;

  function show(count) {
    if (typeof count !== "number") return;
    counter.textContent = count > 99 ? "99+" : String(count);
    counter.hidden = count <= 0;
    bell.setAttribute("aria-label", count > 0 ? "Notifications, " + count + " unread" : "Notifications");
  }

  function announce(note) {
    var flash = document.getElementById("flash");
    if (!flash || !note) return;
    var item = document.createElement("div");
    item.className = "flash";
    var link = document.createElement("a");
    link.href = bell.getAttribute("href");
    link.textContent = note.assessment_id + ": " + note.text;
    item.appendChild(link);
    flash.appendChild(item);
    window.setTimeout(function () { item.remove(); }, 10000);
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + bell.getAttribute("data-socket"));
    socket.onopen = function () { delay = 1000; };
    socket.onmessage = function (event) {
      var msg;
      try { msg = JSON.parse(event.data); } catch (e) { return; }
      show(msg.unread);
      if (msg.kind === "note") announce(msg.note);
    };
    socket.onclose = function (event) {
      if (event.code === 4401) return; // signed out: nothing to wait for
      window.setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    };
  }
  connect();
})();
