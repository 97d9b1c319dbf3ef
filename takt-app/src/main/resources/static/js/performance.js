// The OEE dashboard's charts (Apache ECharts): trends by shift and day, Paretos, the Gantt.
(function () {
  const holder = document.getElementById("charts-data");
  if (!holder || !window.echarts) return;
  const data = JSON.parse(holder.textContent);
  const L = data.labels;
  const charts = [];

  function chart(id, option) {
    const el = document.getElementById(id);
    if (!el) return;
    const c = echarts.init(el);
    c.setOption(option);
    charts.push(c);
  }

  function trend(rows) {
    const x = rows.map((r) => r.label);
    const series = ["oee", "availability", "performance", "quality"].map((k) => ({
      name: L[k],
      type: "line",
      connectNulls: false,
      data: rows.map((r) => (r.figures[k] == null ? null : Number(r.figures[k]))),
    }));
    return {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 60 },
      xAxis: { type: "category", data: x, axisLabel: { rotate: 30 } },
      yAxis: { type: "value", min: 0, max: (v) => Math.max(100, Math.ceil(v.max)), axisLabel: { formatter: "{value} %" } },
      series,
    };
  }

  function pareto(items, name, value, colour, unit) {
    return {
      tooltip: { trigger: "axis" },
      grid: { left: 50, right: 50, top: 24, bottom: 80 },
      xAxis: { type: "category", data: items.map(name), axisLabel: { rotate: 30 } },
      yAxis: [
        { type: "value", name: unit },
        { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value} %" } },
      ],
      series: [
        { type: "bar", data: items.map((i) => ({ value: value(i), itemStyle: colour(i) ? { color: colour(i) } : undefined })) },
        { type: "line", yAxisIndex: 1, name: L.cumulative, data: items.map((i) => (i.cumulativePercent == null ? null : Number(i.cumulativePercent))) },
      ],
    };
  }

  chart("chart-shift", trend(data.byShift));
  chart("chart-day", trend(data.byDay));
  const downtime = data.losses.downtimeByReason.filter((d) => !d.planned);
  chart("chart-downtime", pareto(downtime, (d) => d.name || L.unclassified, (d) => Math.round(d.seconds / 60), (d) => d.colour, L.minutes));
  chart("chart-scrap", pareto(data.losses.scrapByReason, (s) => s.name, (s) => Number(s.quantity), () => null, L.quantity));

  // Gantt: one row per work unit; planned shift time light, runs green, stops in the reason's colour.
  const units = data.timeline.units.map((u) => u.workUnit);
  const items = [];
  data.timeline.units.forEach((u, row) => {
    u.segments.forEach((s) => {
      const colour = s.kind === "SHIFT" ? "#e3e8ef" : s.kind === "RUN" ? "#2e7d32" : s.colour || "#c62828";
      const level = s.kind === "SHIFT" ? 0 : s.kind === "RUN" ? 1 : 2;
      items.push({ name: s.label || s.kind, value: [row, Date.parse(s.from), Date.parse(s.to), level], itemStyle: { color: colour } });
    });
  });
  items.sort((a, b) => a.value[3] - b.value[3]);
  chart("chart-gantt", {
    tooltip: {
      formatter: (p) => p.name + "<br>" + new Date(p.value[1]).toLocaleTimeString() + " – " + new Date(p.value[2]).toLocaleTimeString(),
    },
    grid: { left: 80, right: 16, top: 16, bottom: 40 },
    xAxis: { type: "time", min: Date.parse(data.timeline.from), max: Date.parse(data.timeline.to) },
    yAxis: { type: "category", data: units, inverse: true },
    series: [{
      type: "custom",
      encode: { x: [1, 2], y: 0 },
      data: items,
      renderItem: (params, api) => {
        const row = api.value(0);
        const start = api.coord([api.value(1), row]);
        const end = api.coord([api.value(2), row]);
        const band = api.size([0, 1])[1];
        const h = api.value(3) === 0 ? band * 0.8 : band * 0.5;
        const rect = echarts.graphic.clipRectByRect(
          { x: start[0], y: start[1] - h / 2, width: Math.max(1, end[0] - start[0]), height: h },
          { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height });
        return rect && { type: "rect", shape: rect, style: api.style() };
      },
    }],
  });

  // Heat map: OEE per work unit and day, fetched as a grid (a year of 200 units is 73,000 cells);
  // a cell opens that work unit's dashboard for that day.
  const heat = document.getElementById("chart-heatmap");
  if (heat) {
    fetch(heat.dataset.src, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.status))))
      .then((grid) => {
        // a cell without OEE (nothing counted) stays visible and clickable: in grey, a series
        // of its own that the colour scale does not touch
        const cells = [];
        const empty = [];
        grid.groups.forEach((g, x) =>
          grid.scopes.forEach((s, y) => {
            const v = grid.values.oee[x][y];
            if (v == null) empty.push([x, y, 0]);
            else cells.push([x, y, Math.min(100, Number(v))]);
          }));
        const unitOf = (scope) => scope.substring(scope.lastIndexOf("/") + 1);
        const figure = (k, x, y) => {
          const v = grid.values[k][x][y];
          return L[k] + ": " + (v == null ? "–" : v + " %");
        };
        heat.style.height = Math.min(60, Math.max(8, 4 + grid.scopes.length * 1.2)) + "rem";
        const c = echarts.init(heat);
        c.setOption({
          tooltip: {
            formatter: (p) => [grid.groups[p.value[0]].label + " · " + unitOf(grid.scopes[p.value[1]])]
              .concat(["oee", "availability", "performance", "quality"].map((k) => figure(k, p.value[0], p.value[1])))
              .join("<br>"),
          },
          grid: { left: 90, right: 16, top: 16, bottom: 80 },
          xAxis: { type: "category", data: grid.groups.map((g) => g.group), splitArea: { show: true } },
          yAxis: { type: "category", data: grid.scopes.map(unitOf), inverse: true },
          visualMap: {
            seriesIndex: 0, min: 0, max: 100, calculable: true, orient: "horizontal", left: "center", bottom: 0,
            inRange: { color: ["#c62828", "#f9a825", "#2e7d32"] },
          },
          series: [
            { type: "heatmap", data: cells, progressive: 5000, emphasis: { itemStyle: { borderColor: "#000" } } },
            { type: "heatmap", data: empty, progressive: 5000, itemStyle: { color: "#cfd8dc" } },
          ],
        });
        c.on("click", (p) => {
          const day = grid.groups[p.value[0]].group;
          const scope = grid.scopes[p.value[1]];
          window.location.href = "?scope=" + encodeURIComponent(scope) + "&from=" + day + "&to=" + day + "&day=" + day;
        });
        charts.push(c);
        heat.dataset.cells = String(cells.length + empty.length);
      })
      .catch(() => {
        heat.textContent = heat.dataset.failed;
        heat.dataset.cells = "failed";
      });
  }

  window.addEventListener("resize", () => charts.forEach((c) => c.resize()));
})();
