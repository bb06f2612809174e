// Shared by every page: requests to drafter's own server, and safe DOM building.
"use strict";

// A JSON request to this page's server. The token travels as a cookie.
async function request(path, options) {
  const init = { method: "GET", headers: {}, credentials: "same-origin" };
  if (options && options.body !== undefined) {
    init.method = "POST";
    if (options.raw) {
      init.body = options.body;
      Object.assign(init.headers, options.headers || {});
    } else {
      init.body = JSON.stringify(options.body);
      init.headers["Content-Type"] = "application/json";
    }
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    return { ok: false, status: 0, json: { error: "无法连接 drafter。请确认启动 drafter serve 的窗口还开着。" } };
  }
  let json = {};
  try { json = await response.json(); } catch (e) { json = { error: await response.text().catch(() => "") }; }
  return { ok: response.ok, status: response.status, json: json };
}

// el("p", {class: "x"}, "text", child): text is always set as text, never parsed as HTML.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function showMessage(text, kind) {
  const box = document.getElementById("message");
  box.replaceChildren();
  if (!text) { box.hidden = true; return; }
  box.className = "banner " + (kind || "error");
  box.append(text);
  box.hidden = false;
}

const LEVEL_NAMES = { error: "错误", warning: "提醒", info: "参考" };
// validate's own findings: an error there is a gap to fill (缺项); the content review's are 审查意见.
const INPUT_LEVEL_NAMES = { error: "缺项", warning: "提醒", info: "参考" };

// One finding. kind "input": validate's completeness finding; "review": a content-review
// finding on an input; "draft": a draft's finding (check), with its paragraph; otherwise
// an error that makes an input unusable. Beside a field, a Word form's finding still says
// its paragraph (第3部分第2段), so the writer finds the place in Word.
function findingNode(finding, kind) {
  const names = kind === "input" ? INPUT_LEVEL_NAMES : LEVEL_NAMES;
  const level = (kind === "review" ? "审查·" : "") + (names[finding.level] || finding.level);
  const place = kind === "draft" ? finding.where : finding.anchor;
  return el("div", { class: "finding " + finding.level + (kind === "review" ? " review" : "") },
    el("span", { class: "level" }, level),
    place ? el("span", { class: "where" }, place) : null,
    finding.message,
    finding.excerpt ? el("q", {}, finding.excerpt) : null);
}

// A request whose body is a file chosen in the page (its name in a header).
function sendFile(path, file) {
  return request(path, { raw: true, body: file, headers: { "X-File-Name": encodeURIComponent(file.name) } });
}

function debounce(fn, ms) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

// After an import (start page or editor): keep what it said for the editor, and open the new input there.
const IMPORTED = "drafter-import:"; // sessionStorage key prefix
function openImported(reply) {
  sessionStorage.setItem(IMPORTED + reply.file, JSON.stringify(
    { source: reply.source, form: reply.form, notes: reply.notes || [], comments: reply.comments || {} }));
  location.href = "/edit?file=" + encodeURIComponent(reply.file);
}
