// The live plant view: tiles follow Server-Sent Events of the site; durations tick every 15 s.
(function () {
  const grid = document.getElementById("tiles");
  if (!grid || !grid.dataset.site) return;
  const L = window.TAKT_PLANT_LABELS || {};
  const STATES = ["RUNNING", "SETUP", "PAUSED", "DOWN", "IDLE", "OFFLINE"];

  function format(template, ...args) {
    return template.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
  }

  function tick(tile) {
    const span = tile.querySelector(".duration");
    const since = tile.dataset.since;
    if (!span) return;
    if (!since) { span.textContent = ""; return; }
    const minutes = Math.max(0, Math.floor((Date.now() - Date.parse(since)) / 60000));
    span.textContent = minutes < 60
      ? format(L.minutes, minutes)
      : format(L.hours, Math.floor(minutes / 60), minutes % 60);
  }

  function apply(t) {
    let tile = grid.querySelector('[data-unit="' + CSS.escape(t.workUnit) + '"]');
    if (!tile) return;
    STATES.forEach((s) => tile.classList.remove(s));
    tile.classList.add(t.status);
    tile.dataset.status = t.status;
    tile.dataset.since = t.since || "";
    tile.querySelector(".status").textContent = L[t.status] || t.status;
    tile.querySelector(".order").textContent = t.orderNumber ? t.orderNumber + " / " + t.sequence : "";
    tile.querySelector(".reason").textContent =
      t.status === "DOWN" || t.status === "PAUSED" ? (t.reasonName || L.unclassified) : "";
    const oee = tile.querySelector(".oee-value");
    if (oee) oee.textContent = t.shiftOee == null ? "–" : t.shiftOee + " %";
    tick(tile);
    tile.classList.add("changed");
    setTimeout(() => tile.classList.remove("changed"), 1500);
  }

  grid.querySelectorAll(".tile").forEach(tick);
  setInterval(() => grid.querySelectorAll(".tile").forEach(tick), 15000);

  const live = document.getElementById("live");
  const source = new EventSource("/performance/plant/events?site=" + encodeURIComponent(grid.dataset.site));
  source.addEventListener("hello", () => live && live.classList.add("on"));
  source.addEventListener("tile", (e) => apply(JSON.parse(e.data)));
  source.onerror = () => live && live.classList.remove("on");
})();
