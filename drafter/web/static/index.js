// The writer's start page: the inputs in the folder (YAML files and Word forms),
// a new one, or one imported from last year's report.
"use strict";

function completeness(item) {
  if (item.error) return ["无法读取：" + item.error, "bad"];
  if (!item.complete) return [`缺项 ${item.errors} 处`, "warn"];
  return ["完整" + (item.warnings ? `（${item.warnings} 处提醒）` : ""), "good"];
}

function reviewed(item) {
  if (item.error) return ["", ""];
  if (!item.review) return ["无", "good"];
  return [`${item.review} 条` + (item.review_errors ? `（${item.review_errors} 条须改正）` : ""), item.review_errors ? "bad" : "warn"];
}

async function loadFiles() {
  const [files, drafts] = await Promise.all([request("/api/files"), request("/api/drafts")]);
  if (!files.ok) { showMessage(files.json.error); return; }
  document.getElementById("folder").textContent = files.json.folder;
  const body = document.querySelector("#inputs tbody");
  body.replaceChildren(...files.json.inputs.map((item) => {
    const [said, tone] = completeness(item);
    const [review, reviewTone] = reviewed(item);
    return el("tr", {},
      el("td", {}, el("a", { href: "/edit?file=" + encodeURIComponent(item.file) }, item.file),
        item.kind === "form" ? el("em", { class: "kind" }, "Word 表单") : null),
      el("td", {}, item.unit || ""),
      el("td", {}, item.year || ""),
      el("td", { class: tone }, said),
      el("td", { class: reviewTone }, review));
  }));
  document.getElementById("no-inputs").hidden = files.json.inputs.length > 0;
  if (drafts.ok) {
    const select = document.querySelector("#import select[name=existing]");
    select.replaceChildren(el("option", { value: "" }, "（不选）"), ...drafts.json.drafts.map((name) => el("option", { value: name }, name)));
  }
}

async function importReport(form) {
  const upload = form.elements.report.files[0];
  const existing = form.elements.existing.value;
  if (!upload && !existing) { showMessage("请选择去年的报告：上传一个文件，或在本文件夹的报告中选一个。"); return; }
  const year = form.elements.year.value.trim();
  const file = form.elements.file.value.trim();
  const busy = document.getElementById("importing");
  busy.hidden = false;
  form.querySelector("button").disabled = true;
  try {
    let force = false;
    for (;;) {
      const reply = upload
        ? await sendFile("/api/import-upload?" + new URLSearchParams({ year, file, force: force ? "1" : "" }), upload)
        : await request("/api/import-file", { body: { source: existing, year, file, force } });
      if (reply.ok) { openImported(reply.json); return; }
      if (reply.status === 409 && reply.json.exists && !force) {
        if (confirm(reply.json.error)) { force = true; continue; }
        showMessage(`未导入，“${reply.json.exists}”没有改动。要另存一份，请在“文件名”中另填一个名字再导入。`, "warn");
        return;
      }
      showMessage(reply.json.error || "导入失败。");
      return;
    }
  } finally {
    busy.hidden = true;
    form.querySelector("button").disabled = false;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("create");
  form.elements.year.value = new Date().getFullYear() - 1;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const { ok, json } = await request("/api/create", { body: {
      unit: form.elements.unit.value.trim(), year: form.elements.year.value.trim(),
      file: form.elements.file.value.trim() } });
    if (!ok) { showMessage(json.error); return; }
    location.href = "/edit?file=" + encodeURIComponent(json.file);
  });
  const importing = document.getElementById("import");
  importing.elements.year.value = new Date().getFullYear() - 1;
  importing.addEventListener("submit", (event) => { event.preventDefault(); importReport(importing); });
  loadFiles();
});
