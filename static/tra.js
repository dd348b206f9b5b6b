// TRA page behaviour beyond htmx: live document progress over the assessment's websocket,
// drag-and-drop upload, "Edit" of a suggestion and streamed regeneration of one suggestion.
(function () {
  "use strict";

  function csrfToken() {
    var headers = document.body.getAttribute("hx-headers");
    try { return JSON.parse(headers)["X-CSRFToken"]; } catch (e) { return ""; }
  }

  // --- live updates -------------------------------------------------------------------------
  function showDocumentStatus(msg) {
    var item = document.getElementById("doc-" + msg.document_id);
    if (!item) { document.body.dispatchEvent(new Event("tra:documents-changed")); return; }
    var bar = item.querySelector("progress");
    var label = item.querySelector(".doc-status");
    // The snapshot sent on every (re)connect repeats what the page already shows.
    var changed = !item.classList.contains("status-" + msg.status);
    if (bar) bar.value = msg.percent;
    if (label) label.textContent = msg.label;
    item.className = "document status-" + msg.status;
    if (changed && (msg.status === "ready" || msg.status === "failed")) {
      // Final states bring a summary, an error or a Retry button: fetch the list again (only
      // when they are new: the fetch replaces the upload form and any upload messages).
      document.body.dispatchEvent(new Event("tra:documents-changed"));
    }
  }

  function showSuggestionProgress(msg) {
    var banner = document.getElementById("suggestion-banner");
    if (!banner) return;
    banner.hidden = false;
    if (msg.kind === "suggestions.progress") {
      banner.textContent = "Drafting suggestions from your documents: " + msg.done + " of " + msg.total + "…";
    } else {
      // Never re-render the questions under the user's hands: offer to show the new ones.
      banner.innerHTML = "";
      banner.appendChild(document.createTextNode("New suggestions are ready. "));
      var link = document.createElement("a");
      link.href = window.location.pathname;
      link.textContent = "Show them";
      link.setAttribute("data-testid", "show-suggestions");
      banner.appendChild(link);
    }
  }

  function connect(live, attempt) {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + live.getAttribute("data-ws-path"));
    socket.onopen = function () { live.setAttribute("data-connected", "true"); attempt = 0; };
    socket.onmessage = function (event) {
      var msg = JSON.parse(event.data);
      if (msg.kind === "snapshot") { msg.documents.forEach(showDocumentStatus); }
      else if (msg.kind === "document.status") { showDocumentStatus(msg); }
      else if (msg.kind === "documents.changed") { document.body.dispatchEvent(new Event("tra:documents-changed")); }
      else if (msg.kind === "suggestions.progress" || msg.kind === "suggestions.ready") { showSuggestionProgress(msg); }
    };
    socket.onclose = function (event) {
      live.removeAttribute("data-connected");
      if (event.code >= 4400 && event.code < 4500) return;  // refused: reconnecting will not help
      var delay = Math.min(30000, 1000 * Math.pow(2, attempt));
      setTimeout(function () { connect(live, attempt + 1); }, delay);
    };
  }

  // --- upload: drag and drop onto the zone, or pick files -------------------------------------
  function wireDropzones(root) {
    root.querySelectorAll("form.upload").forEach(function (form) {
      if (form.dataset.wired) return;
      form.dataset.wired = "1";
      var zone = form.querySelector(".dropzone");
      var input = form.querySelector("input[type=file]");
      ["dragenter", "dragover"].forEach(function (name) {
        zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.add("over"); });
      });
      ["dragleave", "drop"].forEach(function (name) {
        zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.remove("over"); });
      });
      zone.addEventListener("drop", function (e) {
        if (!e.dataTransfer || !e.dataTransfer.files.length) return;
        input.files = e.dataTransfer.files;
        htmx.trigger(form, "submit");
      });
    });
  }

  // Choosing files submits them. Delegated, so an input that htmx has just swapped in (and
  // wireDropzones has not reached yet: it runs after the settle delay) is never left inert.
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("form.upload input[type=file]") || !input.files.length) return;
    htmx.trigger(input.form, "submit");
  });

  // --- suggestions: Edit and Regenerate ---------------------------------------------------------
  function editSuggestion(button) {
    var form = button.closest("form.question");
    var value = button.getAttribute("data-value");
    form.querySelector("input[name=from_suggestion]").value = "1";
    var field = form.querySelector("textarea[name=value], input[type=text][name=value], input[type=date][name=value]");
    if (field) { field.value = value; field.focus(); field.select && field.select(); return; }
    var parts = value.split(", ");
    form.querySelectorAll("input[name=value]").forEach(function (choice) {
      choice.checked = parts.indexOf(choice.value) !== -1;
    });
    var first = form.querySelector("input[name=value]");
    if (first) first.focus();
  }

  async function regenerate(button) {
    var form = button.closest("form.question");
    var panel = button.closest(".suggestion");
    var out = panel.querySelector(".stream-output");
    out.hidden = false;
    out.textContent = "";
    button.disabled = true;
    var response = await fetch(panel.getAttribute("data-stream-url"), {
      method: "POST", headers: { "X-CSRFToken": csrfToken() }, credentials: "same-origin",
    });
    if (!response.ok) {
      out.textContent = await response.text();
      button.disabled = false;
      return;
    }
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    for (;;) {
      var chunk = await reader.read();
      if (chunk.done) break;
      out.textContent += decoder.decode(chunk.value, { stream: true });
    }
    // The stored suggestion (validated, with citations) replaces the preview.
    htmx.ajax("GET", form.getAttribute("data-fragment-url"), { target: form, swap: "outerHTML" });
  }

  document.addEventListener("click", function (event) {
    var edit = event.target.closest(".suggestion-edit");
    if (edit) { event.preventDefault(); editSuggestion(edit); return; }
    var regen = event.target.closest(".suggestion-regenerate");
    if (regen) { event.preventDefault(); regenerate(regen); }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var live = document.getElementById("live");
    if (live && "WebSocket" in window) connect(live, 0);
    wireDropzones(document);
    document.body.addEventListener("htmx:afterSettle", function (e) { wireDropzones(e.target); });
  });
})();
