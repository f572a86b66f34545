/* Policy Atlas: the 引用 (cite) controls of plan pages (generator/render/cite.py builds every string).
 *
 * Each control shows its GB/T 7714 reference and short form as text (selectable without script);
 * this script reveals the 复制 buttons and copies the text next to one, with the day of copying
 * in place of the [引用日期] placeholder. navigator.clipboard needs a secure context, which
 * file:// is not: there a hidden textarea and execCommand("copy") do it.
 */
(function () {
  "use strict";

  var ACCESS_DATE = "[引用日期]"; // cite.ACCESS_DATE
  var FEEDBACK_MS = 2000;

  /* The reference as copied: the placeholder becomes today's date, [YYYY-MM-DD] (local time). */
  function withAccessDate(text, now) {
    var d = now || new Date();
    var day = d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
    return text.split(ACCESS_DATE).join("[" + day + "]");
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /* Copies `text`; resolves when done, rejects when neither way works. */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyByCommand(text); });
    }
    return copyByCommand(text);
  }

  function copyByCommand(text) {
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "atlas-cite__scratch";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      area.remove();
      if (ok) resolve(); else reject(new Error("copy refused"));
    });
  }

  function onCopy(button) {
    var source = button.parentNode.querySelector("[data-atlas-cite]");
    if (!source) return;
    var text = withAccessDate(source.textContent);
    copyText(text).then(function () {
      feedback(button, "已复制");
    }, function () {
      feedback(button, "请手动复制");
    });
  }

  function feedback(button, message) {
    var label = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", label);
    button.textContent = message;
    setTimeout(function () { button.textContent = label; }, FEEDBACK_MS);
  }

  function start() {
    var buttons = document.querySelectorAll("[data-atlas-copy]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function (ev) { onCopy(ev.currentTarget); });
    }
  }

  window.AtlasCite = { withAccessDate: withAccessDate }; // for tests
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
