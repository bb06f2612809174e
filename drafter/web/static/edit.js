// The editor page: one input file in the form, checked as the writer types,
// previewed beside it, saved back to its YAML file, turned into a Word file.
"use strict";

const page = { file: new URLSearchParams(location.search).get("file") || "", version: "", dirty: false, view: null };

function edit() {
  return { file: page.file, version: page.version, data: page.view.data };
}

function setState(text, kind) {
  const state = document.getElementById("state");
  state.textContent = text;
  state.className = "state " + (kind || "");
}

function showChecked(result) {
  page.view.place(result.findings || []);
  page.view.showChanges(result.changes || {});
  const errors = (result.findings || []).filter((f) => f.level === "error").length;
  const warnings = (result.findings || []).filter((f) => f.level === "warning").length;
  const summary = document.getElementById("summary");
  summary.className = "summary " + (errors ? "bad" : "good");
  summary.textContent = result.unusable ? `有 ${errors} 处格式错误，改正后才能检查完整性`
    : errors ? `${errors} 处缺项` + (warnings ? `，${warnings} 处提醒` : "")
    : "内容完整" + (warnings ? `，${warnings} 处提醒` : "");
}

const check = debounce(async () => {
  const { ok, json } = await request("/api/check-input", { body: edit() });
  if (ok) showChecked(json); else showMessage(json.error);
}, 350);

const refreshPreview = debounce(async () => {
  const { ok, json } = await request("/api/preview", { body: edit() });
  const error = document.getElementById("preview-error");
  error.hidden = ok;
  if (ok) document.getElementById("preview").innerHTML = json.html; // built and escaped by the server
  else error.textContent = json.error;
}, 700);

function changed() {
  page.dirty = true;
  setState("未保存", "warn");
  document.getElementById("download").hidden = true;
  check();
  refreshPreview();
}

async function save() {
  const { ok, status, json } = await request("/api/save", { body: edit() });
  if (!ok) {
    showMessage(json.error || "保存失败。");
    if (status === 409) setState("未保存（文件已被改动）", "bad");
    return false;
  }
  page.version = json.version;
  page.dirty = false;
  setState("已保存", "good");
  showMessage("");
  showChecked(json);
  return true;
}

async function makeWord() {
  if (page.dirty && !(await save())) return;
  const body = { file: page.file };
  for (;;) {
    const { ok, status, json } = await request("/api/word", { body });
    if (ok) {
      const box = document.getElementById("download");
      box.replaceChildren(`已生成 ${json.file}` + (json.incomplete ? `（草稿：${json.incomplete} 处缺项已用【待补充】标出）` : ""),
        el("a", { href: json.download, download: json.file.split("/").pop(), id: "download-link" }, "下载"));
      box.hidden = false;
      return;
    }
    if (status === 422 && json.incomplete && !body.allow_incomplete && confirm(json.error)) { body.allow_incomplete = true; continue; }
    if (status === 409 && json.exists && !body.force && confirm(json.error)) { body.force = true; continue; }
    if (status !== 422 && status !== 409) showMessage(json.error);
    return;
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  document.getElementById("file-name").textContent = page.file;
  document.title = page.file + " · drafter";
  const [form, opened] = await Promise.all([request("/api/form"), request("/api/input?file=" + encodeURIComponent(page.file))]);
  if (!form.ok) { showMessage(form.json.error); return; }
  if (!opened.ok) {
    showMessage(opened.json.error || "无法打开这个文件。");
    const list = document.getElementById("form");
    list.replaceChildren(el("p", { class: "hint" }, "请用文本编辑器按下面的提示改正后，刷新本页："),
      ...(opened.json.findings || []).map((f) => el("div", { class: "finding error" }, `${f.where}：${f.message}`)));
    document.getElementById("save").disabled = true;
    document.getElementById("word").disabled = true;
    return;
  }
  page.version = opened.json.version;
  page.view = new FormView(document.getElementById("form"), form.json.form, changed);
  page.view.render(opened.json.data);
  showChecked(opened.json);
  setState("已保存", "good");
  if (!opened.json.keeps_comments) {
    showMessage("注意：这个文件的部分写法无法原样保留，保存时将按标准格式重写，文件中的注释（# 开头的行）不会保留。", "warn");
  }
  refreshPreview();
  document.getElementById("save").addEventListener("click", save);
  document.getElementById("word").addEventListener("click", makeWord);
  window.addEventListener("beforeunload", (event) => { if (page.dirty) event.preventDefault(); });
});
