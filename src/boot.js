// Until the console has started, a failure to load or start it (a file
// the server or a proxy blocks, a browser without WebAssembly) shows
// index.html's #boot-failed with the browser's reason, not a blank page
// (a console that starts all the same hides it: see main.css).
(function () {
  function failed(event) {
    var body = document.body;
    var box = document.getElementById("boot-failed");
    if (!box || (body && body.getAttribute("data-ready") === "true")) {
      return;
    }
    var target = event.target;
    var script = target && target.tagName === "SCRIPT";
    if (!script && event.type === "error" && !event.error && !event.message) {
      return;
    }
    var reason = event.reason || event.error || event.message || target.src;
    var shown = box.querySelectorAll("[data-boot-error]");
    for (var i = 0; i < shown.length; i++) {
      shown[i].textContent = String(reason);
    }
    box.hidden = false;
  }
  addEventListener("error", failed, true);
  addEventListener("unhandledrejection", failed);
})();
