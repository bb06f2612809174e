// The writer's start page: the inputs in the folder, and a new one.
"use strict";

async function loadFiles() {
  const { ok, json } = await request("/api/files");
  if (!ok) { showMessage(json.error); return; }
  document.getElementById("folder").textContent = json.folder;
  const body = document.querySelector("#inputs tbody");
  body.replaceChildren(...json.inputs.map((item) => el("tr", {},
    el("td", {}, el("a", { href: "/edit?file=" + encodeURIComponent(item.file) }, item.file)),
    el("td", {}, item.unit || ""),
    el("td", {}, item.year || ""),
    el("td", { class: item.error ? "bad" : item.complete ? "good" : "warn" },
      item.error ? "无法读取：" + item.error
        : item.complete ? "完整" + (item.warnings ? `（${item.warnings} 处提醒）` : "")
        : `${item.errors} 处缺项`))));
  document.getElementById("no-inputs").hidden = json.inputs.length > 0;
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("create");
  form.elements.year.value = new Date().getFullYear() - 1;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const year = Number(form.elements.year.value.trim());
    const { ok, json } = await request("/api/create", { body: {
      unit: form.elements.unit.value.trim(), year: Number.isInteger(year) ? year : null,
      file: form.elements.file.value.trim() } });
    if (!ok) { showMessage(json.error); return; }
    location.href = "/edit?file=" + encodeURIComponent(json.file);
  });
  loadFiles();
});
