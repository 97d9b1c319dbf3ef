// Shared page behaviour: htmx requests carry the CSRF token of the page.
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Sortable lists: a click on a header with data-sort sorts the rows of this page by that column.
document.addEventListener("click", (event) => {
  const th = event.target.closest("table.list th[data-sort]");
  if (!th) return;
  const table = th.closest("table");
  const index = Array.from(th.parentNode.children).indexOf(th);
  const ascending = th.getAttribute("aria-sort") !== "ascending";
  table.querySelectorAll("th[aria-sort]").forEach((h) => h.removeAttribute("aria-sort"));
  th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const key = (row) => (row.cells[index]?.dataset.value ?? row.cells[index]?.textContent ?? "").trim();
  const numeric = rows.every((r) => key(r) === "" || !isNaN(Number(key(r))));
  rows.sort((a, b) => {
    const x = key(a), y = key(b);
    const c = numeric ? Number(x) - Number(y) : x.localeCompare(y, undefined, { numeric: true });
    return ascending ? c : -c;
  });
  rows.forEach((r) => body.appendChild(r));
});
document.addEventListener("keydown", (event) => {
  if ((event.key === "Enter" || event.key === " ") && event.target.matches("table.list th[data-sort]")) {
    event.preventDefault();
    event.target.click();
  }
});
