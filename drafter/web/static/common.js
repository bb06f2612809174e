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

function findingNode(finding) {
  return el("div", { class: "finding " + finding.level },
    el("span", { class: "level" }, LEVEL_NAMES[finding.level] || finding.level),
    finding.message,
    finding.excerpt ? el("q", {}, finding.excerpt) : null);
}

function debounce(fn, ms) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}
