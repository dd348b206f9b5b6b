// TRA page behaviour beyond htmx: live document progress over the assessment's websocket,
// drag-and-drop upload, "Edit" of a suggestion and streamed regeneration of one suggestion,
// confirmations in the page, and focus kept on the question just answered. Everything lives in
// this file: the pages run under a CSP without inline scripts, handlers or eval.
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
    if (!banner) {
      if (msg.kind === "suggestions.ready") document.body.dispatchEvent(new Event("tra:suggestions-changed"));
      return;
    }
    banner.hidden = false;
    if (msg.kind === "suggestions.progress") {
      banner.textContent = "Drafting suggestions from your documents: " + msg.done + " of " + msg.total + "…";
    } else {
      // Counts of waiting suggestions refresh themselves (hx-trigger on tra:suggestions-changed).
      document.body.dispatchEvent(new Event("tra:suggestions-changed"));
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
  function save(input) {
    // htmx saves on the form's "change" (hx-trigger): a value set by script must announce itself.
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function editSuggestion(button) {
    var form = button.closest("form.question");
    var value = button.getAttribute("data-value");
    form.querySelector("input[name=from_suggestion]").value = "1";
    var field = form.querySelector("textarea[name=value], input[type=text][name=value], input[type=date][name=value]");
    if (field) {
      // Text is saved when the requestor leaves the field, edited or not (see "focusout" below).
      field.value = value;
      field.setAttribute("data-unsaved-edit", "1");
      field.focus();
      if (field.select) field.select();
      return;
    }
    // A choice has nothing left to type: picking it is the edit, so it is saved now.
    var parts = value.split(", ");
    var choices = form.querySelectorAll("input[name=value]");
    choices.forEach(function (choice) { choice.checked = parts.indexOf(choice.value) !== -1; });
    var first = form.querySelector("input[name=value]:checked") || choices[0];
    if (first) { first.focus(); save(first); }
  }

  document.addEventListener("change", function (event) {
    if (event.target.removeAttribute) event.target.removeAttribute("data-unsaved-edit");
  }, true);
  document.addEventListener("focusout", function (event) {
    var field = event.target;
    // Unchanged text fires no "change" of its own; the filled-in suggestion must still be saved.
    if (field.getAttribute && field.getAttribute("data-unsaved-edit")) save(field);
  });

  function suggestedText(form) {
    var el = form && form.querySelector("[data-testid=suggested-answer]");
    return el ? el.textContent.trim() : null;
  }

  function note(form, text, testid) {
    var status = form && form.querySelector(".status");
    if (!status) return;
    var p = document.createElement("p");
    p.className = "hint";
    p.setAttribute("data-testid", testid);
    p.textContent = text;
    status.appendChild(p);
  }

  async function regenerate(button) {
    var form = button.closest("form.question");
    var formId = form.id;
    var before = suggestedText(form);
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
    // The stored suggestion (validated, with citations) replaces the preview; say what changed,
    // or the requestor sees the same panel come back and cannot tell anything happened.
    await htmx.ajax("GET", form.getAttribute("data-fragment-url"), { target: form, swap: "outerHTML" });
    var fresh = document.getElementById(formId);
    var after = suggestedText(fresh);
    if (after === null) note(fresh, "Regenerated: the suggestion now matches your answer.", "regenerate-outcome");
    else if (after === before) note(fresh, "Regenerated: same answer as before.", "regenerate-outcome");
    else note(fresh, "Regenerated: a new suggested answer.", "regenerate-outcome");
  }

  document.addEventListener("click", function (event) {
    var edit = event.target.closest(".suggestion-edit");
    if (edit) { event.preventDefault(); editSuggestion(edit); return; }
    var regen = event.target.closest(".suggestion-regenerate");
    if (regen) { event.preventDefault(); regenerate(regen); return; }
    var back = event.target.closest("[data-history-back]");
    if (back) { event.preventDefault(); window.history.back(); }
  });

  // --- confirmation in the page (never window.confirm) ---------------------------------------
  function askInPage(slot, message, yesLabel, noLabel, onYes, onNo) {
    slot.innerHTML = "";
    var box = document.createElement("div");
    box.className = "confirm-inline";
    box.setAttribute("role", "alert");
    box.setAttribute("data-testid", "confirm");
    var text = document.createElement("p");
    text.textContent = message;
    var yes = document.createElement("button");
    yes.type = "button";
    yes.className = "primary";
    yes.textContent = yesLabel;
    yes.setAttribute("data-testid", "confirm-yes");
    var no = document.createElement("button");
    no.type = "button";
    no.textContent = noLabel;
    no.setAttribute("data-testid", "confirm-no");
    box.append(text, yes, " ", no);
    slot.appendChild(box);
    yes.addEventListener("click", function () { box.remove(); onYes(); });
    no.addEventListener("click", function () { box.remove(); if (onNo) onNo(); });
    yes.focus();
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  document.addEventListener("htmx:confirm", function (event) {
    var elt = event.detail.elt;
    var trigger = event.detail.triggeringEvent;
    var go = function () { event.detail.issueRequest(true); };
    if (elt.matches("form.question")) {
      var input = trigger && trigger.target;
      var hides = input && input.checked ? parseInt(input.getAttribute("data-hides") || "0", 10) : 0;
      if (!hides) return;
      event.preventDefault();
      var areas = input.getAttribute("data-hides-areas");
      askInPage(
        elt.querySelector(".confirm-slot"),
        "Answering " + input.value + " will hide " + plural(hides, "answered question") +
          (areas ? " (" + areas + ")" : "") +
          ". Their answers are kept and come back if you change this answer again.",
        "Answer " + input.value, "Keep my answer",
        function () { input.focus(); go(); },  // focus follows the answer through the swap
        function () {
          // Back to the saved answer, as the server rendered it.
          elt.querySelectorAll("input[name=value]").forEach(function (c) { c.checked = c.defaultChecked; });
          input.focus();
        }
      );
    } else if (elt.hasAttribute("data-confirm")) {
      event.preventDefault();
      var slot = document.createElement("div");
      elt.after(slot);
      askInPage(slot, elt.getAttribute("data-confirm"), elt.getAttribute("data-confirm-yes") || "Yes",
        "Cancel", function () { slot.remove(); go(); }, function () { slot.remove(); });
    }
  });

  // --- focus: keep it on the answered question when htmx swaps it -----------------------------
  var lastAnswered = null;
  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = event.detail.elt;
    if (!form.matches || !form.matches("form.question")) return;
    var active = document.activeElement;
    lastAnswered = { form: form.id, input: active && form.contains(active) ? active.id : "" };
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (!lastAnswered) return;
    var wanted = lastAnswered;
    lastAnswered = null;
    // htmx moves focus to an element with the same id itself; this covers the rest (a click on
    // a button that the swap removed, a question whose inputs changed).
    if (document.activeElement && document.activeElement !== document.body) return;
    var target = (wanted.input && document.getElementById(wanted.input)) ||
      (document.getElementById(wanted.form) || document).querySelector("[name=value]:not([type=hidden])");
    if (target) target.focus();
  });

  // htmx parses swapped-in HTML with scripting off, so <noscript> fallbacks (the Upload and Save
  // buttons) would come alive inside every fragment: drop them wherever htmx loads content.
  document.addEventListener("htmx:load", function (event) {
    event.target.querySelectorAll("noscript").forEach(function (n) { n.remove(); });
  });

  document.addEventListener("DOMContentLoaded", function () {
    var live = document.getElementById("live");
    if (live && "WebSocket" in window) connect(live, 0);
    wireDropzones(document);
    var focusFirst = document.querySelector("[data-focus-on-load]");
    if (focusFirst) focusFirst.focus();
    document.querySelectorAll("[data-history-back]").forEach(function (b) { b.hidden = false; });
    document.body.addEventListener("htmx:afterSettle", function (e) { wireDropzones(e.target); });
  });
})();
