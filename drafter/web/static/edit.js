// The editor page: one input file in the form, checked as the writer types,
// previewed beside it, saved back to its YAML file, turned into a Word file.
// A Word form (.docx from drafter init) is shown read-only; to edit it, the
// page first imports it to YAML and opens that.
"use strict";

const page = { file: new URLSearchParams(location.search).get("file") || "", version: "", dirty: false, view: null,
  kind: "yaml", remarks: {}, last: {} };

function edit() {
  return { file: page.file, version: page.version, data: page.view.data };
}

function setState(text, kind) {
  const state = document.getElementById("state");
  state.textContent = text;
  state.className = "state " + (kind || "");
}

// The summary keeps the two apart: 缺项 (validate's errors: the report is not complete)
// and 审查意见 (the content review: advice, some of it to correct before sending).
function showChecked(result) {
  page.last = result;
  const findings = result.findings || [];
  const review = result.review || [];
  page.view.place(findings, review, page.remarks, Boolean(result.unusable));
  page.view.showChanges(result.changes || {});
  const gaps = findings.filter((f) => f.level === "error").length;
  const warnings = findings.filter((f) => f.level === "warning").length;
  const toCorrect = review.filter((f) => f.level === "error").length;
  const summary = document.getElementById("summary");
  summary.className = "summary " + (gaps || result.unusable ? "bad" : toCorrect ? "warn" : "good");
  if (result.unusable) {
    summary.textContent = `有 ${gaps} 处格式错误，改正后才能检查完整性`;
    return;
  }
  summary.textContent = (gaps ? `缺项 ${gaps} 处` : "内容完整") + (warnings ? `，提醒 ${warnings} 处` : "")
    + (review.length ? `；审查意见 ${review.length} 条` + (toCorrect ? `（${toCorrect} 条须改正）` : "") : "；没有审查意见");
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
  if (page.kind === "yaml" && page.dirty && !(await save())) return;
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

// A Word form is edited in the page as YAML: import it (as drafter import does), then open that.
async function convert() {
  const body = { source: page.file };
  for (;;) {
    const { ok, status, json } = await request("/api/import-file", { body });
    if (ok) { openImported(json); return; }
    if (status === 409 && json.exists && !body.force) {
      if (confirm(json.error)) { body.force = true; continue; }
      showMessage(`未导入，“${json.exists}”没有改动。可以回到文件列表打开它；要另存一份，请在首页“从去年的报告开始”中`
        + "选这份 Word 表单，另填文件名导入。", "warn");
      return;
    }
    showMessage(json.error);
    return;
  }
}

function showImported() {
  const said = JSON.parse(sessionStorage.getItem(IMPORTED + page.file) || "null");
  if (!said) return;
  page.remarks = said.comments || {};
  const box = document.getElementById("imported");
  const head = said.form
    ? `已把 Word 表单“${said.source}”导入为“${page.file}”。在网页中的修改保存在这个 YAML 文件里，Word 表单本身不变。`
    : `已从“${said.source}”导入为“${page.file}”。各部分的文字取自原文，请逐段核对，把【待填写】处换成实际内容。`;
  const hasRemarks = Object.keys(page.remarks).length > 0;
  box.replaceChildren(el("strong", {}, head),
    said.notes.length ? el("ul", {}, said.notes.map((note) => el("li", {}, note))) : null,
    hasRemarks ? el("p", {}, "标有“导入说明”的地方（如去年的安排）写在相应栏目旁，也作为注释保存在 YAML 文件中。") : null,
    el("button", { type: "button", onclick: () => {
      sessionStorage.removeItem(IMPORTED + page.file);
      page.remarks = {};
      box.hidden = true;
      showChecked(page.last);
    } }, "知道了，收起说明"));
  box.hidden = false;
}

function showForm() {
  page.kind = "form";
  setState("Word 表单（只读）");
  document.getElementById("save").hidden = true;
  document.getElementById("convert").hidden = false;
  showMessage("这是用 Word 或 WPS 填写的表单（.docx），在这里只能查看和检查；每条意见都注明它在 Word 中的位置"
    + "（第几部分第几段）。要在网页中修改，点“在网页中编辑”：先把它导入为 YAML 输入文件，之后的修改保存在那个文件里，"
    + "Word 表单本身不变。", "warn");
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
  const readonly = opened.json.kind === "form";
  page.version = opened.json.version || "";
  page.view = new FormView(document.getElementById("form"), form.json.form, changed, { readonly });
  page.view.render(opened.json.data);
  showImported();
  showChecked(opened.json);
  if (readonly) {
    showForm();
    document.getElementById("convert").addEventListener("click", convert);
  } else {
    setState("已保存", "good");
    if (!opened.json.keeps_comments) {
      showMessage("注意：这个文件的部分写法无法原样保留，保存时将按标准格式重写，文件中的注释（# 开头的行）不会保留。", "warn");
    }
    document.getElementById("save").addEventListener("click", save);
  }
  refreshPreview();
  document.getElementById("word").addEventListener("click", makeWord);
  window.addEventListener("beforeunload", (event) => { if (page.dirty) event.preventDefault(); });
});
