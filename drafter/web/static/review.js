// The reviewer's page: several drafts checked as `drafter check` does, one row
// per draft and one column per part, then each draft's findings. The rows come
// from the server as the terminal's matrix and the workbook have them; the
// downloads are made by the same engine as `drafter check -o` and `--annotate`.
"use strict";

const review = { parts: [], rows: [], batch: null, finished: false };
const RANK = { unreadable: 0, incomplete: 1, errors: 2, complete: 3 };
const TONES = { found: "good", partial: "warn", missing: "bad", absent: "" };
const VERDICT_TONES = { unreadable: "bad", incomplete: "bad", errors: "warn", complete: "good" };

function counted(row) {
  if (row.error) return el("td", {}, "");
  const { error, warning, info } = row.levels;
  return el("td", { class: error ? "bad" : warning ? "warn" : "", title: `错误 ${error} 条，提醒 ${warning} 条，参考 ${info} 条` },
    String(row.counted));
}

function copyLink(row, text) {
  if (!review.finished || row.error) return null;
  const query = new URLSearchParams({ batch: review.batch, n: row.n });
  return el("a", { href: "/api/review-copies?" + query, download: "", class: "copy" }, text);
}

// Errors and warnings in the draft's order; advice (参考: punctuation and the like) folded
// below them, as the terminal counts it, so the findings that matter stay in view.
function findingsOf(findings) {
  const advice = findings.filter((f) => f.level === "info");
  return [...findings.filter((f) => f.level !== "info").map((f) => findingNode(f, "draft")),
    advice.length ? el("details", { class: "advice" }, el("summary", {}, `参考意见 ${advice.length} 条`),
      advice.map((f) => findingNode(f, "draft"))) : null];
}

function draw() {
  const rows = review.finished ? review.rows
    : [...review.rows].sort((a, b) => RANK[a.verdict] - RANK[b.verdict] || a.n - b.n);
  document.querySelector("#matrix thead").replaceChildren(el("tr", {}, el("th", {}, "报告"), el("th", {}, "单位"), el("th", {}, "年度"),
    ...review.parts.map((p) => el("th", { title: p.name }, p.short, p.required ? null : el("small", {}, "（可选）"))),
    el("th", { title: "错误和提醒的条数（参考不计）" }, "意见"), el("th", {}, "结论"), el("th", {}, "批注副本")));
  document.querySelector("#matrix tbody").replaceChildren(...rows.map((r) => {
    const cells = r.error ? [el("td", { colspan: review.parts.length + 3, class: "bad" }, r.error)]
      : [el("td", {}, r.unit || "—"), el("td", {}, r.year ? String(r.year) : "—"),
        ...r.cells.map((c) => el("td", { class: TONES[c.status], title: (c.evidence || "") + (c.where ? `（${c.where}）` : "") },
          `${c.mark} ${c.words}`)),
        counted(r)];
    return el("tr", {}, el("td", {}, el("a", { href: `#draft-${r.n}` }, r.label)), ...cells,
      el("td", { class: VERDICT_TONES[r.verdict] }, r.verdict_words), el("td", {}, copyLink(r, "下载")));
  }));
  document.getElementById("details").replaceChildren(...rows.map((r) => el("section", { id: `draft-${r.n}`, class: "draft" },
    el("h3", {}, r.label, r.unit ? el("small", {}, ` ${r.unit}`) : null, r.year ? el("small", {}, ` ${r.year}年度`) : null,
      el("span", { class: "verdict " + VERDICT_TONES[r.verdict] }, r.verdict_words), copyLink(r, "下载批注副本")),
    r.note && !r.error ? el("p", { class: "hint" }, r.note) : null,
    r.error ? el("div", { class: "finding error" }, r.error)
      : r.findings.length ? findingsOf(r.findings)
      : el("p", { class: "hint" }, "没有发现问题。"))));
  document.getElementById("results").hidden = rows.length === 0;
  document.getElementById("downloads").hidden = !review.finished || rows.length === 0;
}

async function checkAll(jobs, folder) {
  review.rows = [];
  review.finished = false;
  draw();
  const progress = document.getElementById("progress");
  if (!jobs.length) { progress.textContent = "没有找到可检查的报告（.docx、.txt、.md、.doc、.wps）。"; return; }
  const started = await request("/api/review-start", { body: folder === undefined ? {} : { folder } });
  if (!started.ok) { showMessage(started.json.error); return; }
  review.batch = started.json.batch;
  for (const [n, job] of jobs.entries()) {
    progress.textContent = `正在检查 ${n + 1}/${jobs.length}：${job.name}`;
    const { ok, json } = await job.run(new URLSearchParams({ batch: review.batch, n }));
    review.rows.push(ok ? json : { n, file: job.name, label: job.name, error: json.error || "检查失败。", verdict: "unreadable",
      verdict_words: "无法读取", cells: [], findings: [] });
    draw();
  }
  const finished = await request("/api/review-finish", { body: { batch: review.batch } });
  if (!finished.ok) { showMessage(finished.json.error); return; }
  review.rows = finished.json.rows;
  review.finished = true;
  const named = review.parts.filter((p) => p.short !== p.name).map((p) => `${p.short}＝${p.name}`).join("；");
  document.getElementById("legend").textContent = finished.json.legend.map((m) => `${m.mark} ${m.words}`).join("　")
    + "；意见：错误和提醒的条数（参考不计）" + (named ? "。" + named : "");
  for (const [id, format] of [["get-xlsx", "xlsx"], ["get-html", "html"]]) {
    document.getElementById(id).href = "/api/review-summary?" + new URLSearchParams({ batch: review.batch, format });
  }
  document.getElementById("get-copies").href = "/api/review-copies?" + new URLSearchParams({ batch: review.batch });
  draw();
  progress.textContent = `已检查 ${jobs.length} 份报告。${finished.json.totals}`;
}

async function setUp() {
  const [form, files] = await Promise.all([request("/api/form"), request("/api/files")]);
  if (!form.ok || !files.ok) { showMessage(form.json.error || files.json.error); return; }
  review.parts = form.json.parts;
  review.maxUpload = form.json.limits.upload;
  document.getElementById("folder").replaceChildren(...files.json.folders.map((f) =>
    el("option", { value: f }, f || `（整个文件夹“${files.json.folder}”）`)));
}

function upload(file) {
  if (file.size > review.maxUpload) { // not sent: the server only hears its size, and lists it as not checked
    return (query) => request("/api/review-upload?" + query, { raw: true, body: "", headers: {
      "X-File-Name": encodeURIComponent(file.name), "X-File-Size": String(file.size) } });
  }
  return (query) => sendFile("/api/review-upload?" + query, file);
}

document.addEventListener("DOMContentLoaded", () => {
  const ready = setUp();
  document.getElementById("upload").addEventListener("change", async (event) => {
    const files = [...event.target.files];
    await ready;
    checkAll(files.map((file) => ({ name: file.name, run: upload(file) })));
  });
  document.getElementById("check-folder").addEventListener("click", async () => {
    await ready;
    const folder = document.getElementById("folder").value;
    const { ok, json } = await request("/api/drafts?folder=" + encodeURIComponent(folder));
    if (!ok) { showMessage(json.error); return; }
    checkAll(json.drafts.map((name) => ({ name, run: (query) => {
      query.set("file", name);
      query.set("under", folder);
      return request("/api/review-file?" + query, { body: {} });
    } })), folder);
  });
});
