// The reviewer's page: several drafts checked as `drafter check` does, one
// row per draft and one column per part, then each draft's findings.
"use strict";

const review = { parts: [], results: [] };
const MARKS = { found: ["✓", "已找到", "good"], partial: ["◐", "不完整", "warn"], missing: ["✗", "缺失", "bad"] };

function verdict(result) {
  if (result.error) return ["无法读取", "bad"];
  return result.complete ? ["必需部分齐全", "good"] : ["有缺项", "bad"];
}

function draw() {
  const rows = [...review.results].sort((a, b) => Number(a.complete) - Number(b.complete) || a.file.localeCompare(b.file, "zh"));
  document.querySelector("#matrix thead").replaceChildren(el("tr", {}, el("th", {}, "报告"),
    ...review.parts.map((p) => el("th", {}, p.name, p.required ? null : el("small", {}, "（可选）"))),
    el("th", {}, "问题"), el("th", {}, "结论")));
  document.querySelector("#matrix tbody").replaceChildren(...rows.map((r, i) => {
    const [word, css] = verdict(r);
    const cells = r.error ? [el("td", { colspan: review.parts.length + 1, class: "bad" }, r.error)]
      : [...review.parts.map((p) => {
        const part = r.parts.find((x) => x.id === p.id) || { status: "missing" };
        const [mark, name, tone] = MARKS[part.status];
        return el("td", { class: tone, title: part.evidence || "" }, `${mark} ${name}`);
      }), el("td", {}, String(r.findings.length))];
    return el("tr", {}, el("td", {}, el("a", { href: `#draft-${i}` }, r.file)), ...cells, el("td", { class: css }, word));
  }));
  document.getElementById("details").replaceChildren(...rows.map((r, i) => el("section", { id: `draft-${i}`, class: "draft" },
    el("h3", {}, r.file, r.year ? el("small", {}, ` ${r.year}年度`) : null),
    r.error ? el("div", { class: "finding error" }, r.error)
      : r.findings.length ? r.findings.map((f) => el("div", { class: "finding " + f.level },
        el("span", { class: "level" }, LEVEL_NAMES[f.level]), el("span", { class: "where" }, f.where), f.message,
        f.excerpt ? el("q", {}, f.excerpt) : null))
      : el("p", { class: "hint" }, "没有发现问题。"))));
  document.getElementById("results").hidden = rows.length === 0;
}

async function checkAll(jobs) {
  review.results = [];
  draw();
  let done = 0;
  const progress = document.getElementById("progress");
  for (const job of jobs) {
    progress.textContent = `正在检查 ${done + 1}/${jobs.length}：${job.name}`;
    const { ok, json } = await job.run();
    review.results.push(ok ? json : { file: job.name, error: json.error || "检查失败。", parts: [], findings: [], complete: false });
    done += 1;
    draw();
  }
  progress.textContent = jobs.length ? `已检查 ${jobs.length} 份报告。` : "没有找到可检查的报告（.docx、.txt、.md）。";
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
  if (file.size > review.maxUpload) {
    return async () => ({ ok: false, json: { error: `${file.name}：文件超过上限 ${Math.floor(review.maxUpload / 1048576)} MB，未检查。` } });
  }
  return () => request("/api/review-upload", { raw: true, body: file, headers: { "X-File-Name": encodeURIComponent(file.name) } });
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
    const select = document.getElementById("folder");
    const { ok, json } = await request("/api/drafts?folder=" + encodeURIComponent(select.value));
    if (!ok) { showMessage(json.error); return; }
    checkAll(json.drafts.map((name) => ({ name, run: () => request("/api/review-file?file=" + encodeURIComponent(name), { body: {} }) })));
  });
});
