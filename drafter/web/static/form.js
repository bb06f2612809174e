// The writer's form, drawn from the description the server derives from the
// input model's JSON Schema and the standard. No field of the input is named
// here: labels, hints, kinds, choices and parts all come from that description.
"use strict";

const joinPath = (path, key) => (typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key);

class FormView {
  // options.readonly: shown, not edited (a Word form before it is imported).
  constructor(root, description, onChange, options) {
    this.root = root;
    this.description = description;
    this.onChange = onChange;
    this.readonly = Boolean(options && options.readonly);
    this.data = {};
    this.shown = { findings: [], review: [], remarks: {} };
  }

  render(data) {
    this.data = data;
    const scroll = window.scrollY;
    this.root.replaceChildren(el("div", { class: "notes" }),
      ...this.fields(this.description, data, ""));
    this.root.querySelectorAll("textarea").forEach(grow);
    window.scrollTo(0, scroll);
  }

  changed(structural) {
    if (structural) {
      this.render(this.data);
      this.place([], [], this.shown.remarks); // items moved: findings come back placed anew with the next check
    }
    this.onChange();
  }

  fields(node, object, path) {
    return node.fields.map((field) => this.field(field, object, joinPath(path, field.key)));
  }

  field(field, object, path) {
    const node = field.node;
    if (node.kind === "list") return this.list(field, object, path);
    if (node.kind === "object") {
      if (!object[field.key] || typeof object[field.key] !== "object") object[field.key] = {};
      return el("fieldset", { class: "group", dataset: { path } },
        el("legend", {}, field.label), el("div", { class: "notes" }),
        this.fields(node, object[field.key], path));
    }
    return el("div", { class: "field", dataset: { path } },
      el("label", {}, el("span", { class: "label" }, field.label, field.required ? el("em", {}, "必填") : null),
        this.control(node, object, field.key, path)),
      field.help && field.help !== field.label ? el("div", { class: "help" }, field.help) : null,
      el("div", { class: "notes" }));
  }

  control(node, holder, key, path) {
    const value = holder[key];
    const set = (v) => { holder[key] = v; this.changed(false); };
    if (node.kind === "choice") return this.choice(node, holder, key, path);
    if (node.kind === "text") {
      return el("textarea", { rows: 1, class: "grow", name: path, readonly: this.readonly,
        oninput: (e) => { grow(e.target); set(e.target.value); } },
        value === undefined || value === null ? "" : String(value));
    }
    const input = el("input", {
      type: "text", name: path, readonly: this.readonly,
      inputmode: node.kind === "date" ? null : "decimal",
      placeholder: node.kind === "date" ? "如 2026-02-12" : null,
      oninput: (e) => set(node.kind === "date" ? (e.target.value.trim() || null) : number(e.target.value)),
    });
    input.value = value === undefined || value === null ? "" : String(value);
    return input;
  }

  choice(node, holder, key, path) {
    const select = el("select", { name: path, disabled: this.readonly });
    const fill = () => {
      const options = node.from ? this.references(node) : node.options;
      select.replaceChildren(el("option", { value: "" }, "（不选）"),
        ...options.map((o) => el("option", { value: o.value }, o.label)));
      const current = holder[key];
      if (current !== undefined && current !== null && !options.some((o) => o.value === current)) {
        select.append(el("option", { value: current }, `${current}（不在可选范围内）`));
      }
      select.value = current === undefined || current === null ? "" : current;
    };
    fill();
    select.addEventListener("focus", fill);
    select.addEventListener("change", () => {
      let value = select.value || null;
      if (value && value.startsWith("@")) value = this.label(node, Number(value.slice(1)));
      holder[key] = value;
      this.changed(Boolean(select.value.startsWith("@")));
    });
    return select;
  }

  // Choices that are items of the input itself, e.g. the shortcoming a plan answers.
  references(node) {
    const items = Array.isArray(this.data[node.from]) ? this.data[node.from] : [];
    const spec = this.description.fields.find((f) => f.key === node.from);
    const text = spec ? spec.node.item.fields.find((f) => f.required && f.node.kind === "text") : null;
    return items.map((item, i) => {
      const said = text && item[text.key] ? String(item[text.key]).slice(0, 30) : "";
      return { value: item[node.by] || `@${i}`, label: `第${i + 1}条${said ? "：" + said : ""}` };
    });
  }

  // Give the i-th item an id (the first free one) so that it can be referred to.
  label(node, i) {
    const items = this.data[node.from];
    const taken = new Set(items.map((item) => item[node.by]).filter(Boolean));
    let n = 1;
    while (taken.has(`${node.from[0]}${n}`)) n += 1;
    items[i][node.by] = `${node.from[0]}${n}`;
    return items[i][node.by];
  }

  list(field, object, path) {
    const node = field.node;
    const items = Array.isArray(object[field.key]) ? object[field.key] : null;
    const rows = (items || []).map((item, i) => this.item(field, items, i, joinPath(path, i)));
    const add = this.readonly ? null : el("button", { type: "button", class: "add", onclick: () => {
      if (!Array.isArray(object[field.key])) object[field.key] = object[field.key] ? [object[field.key]] : [];
      object[field.key].push(blank(node.item));
      this.changed(true);
    } }, `＋ 添加${field.part ? "一项" : field.label}`);
    const head = field.part
      ? el("header", {}, el("h2", {}, field.label, el("em", {}, field.part.required ? "必填" : "可选")),
        el("details", {}, el("summary", {}, "写作提示"), el("p", {}, field.part.content), el("p", {}, field.part.guidance)))
      : el("div", { class: "list-label" }, field.label, el("span", { class: "help" }, field.help !== field.label ? field.help : ""));
    return el("section", { class: field.part ? "part" : "sublist", dataset: { path } },
      head, el("div", { class: "notes" }), rows, add);
  }

  item(field, items, i, path) {
    const node = field.node.item;
    const move = (to) => { const [x] = items.splice(i, 1); items.splice(to, 0, x); this.changed(true); };
    const tools = this.readonly ? null : el("span", { class: "tools" },
      el("button", { type: "button", title: "上移", disabled: i === 0, onclick: () => move(i - 1) }, "↑"),
      el("button", { type: "button", title: "下移", disabled: i === items.length - 1, onclick: () => move(i + 1) }, "↓"),
      el("button", { type: "button", title: "删除", class: "remove", onclick: () => {
        if (confirm(`删除第${i + 1}项？`)) { items.splice(i, 1); this.changed(true); }
      } }, "删除"));
    const name = `第${i + 1}项`;
    const head = el("div", { class: "item-head" }, el("span", {}, name),
      el("span", { class: "change", dataset: { changePath: path } }), tools);
    if (node.kind === "object") {
      return el("div", { class: "item", dataset: { path } }, head, el("div", { class: "notes" }), this.fields(node, items[i], path));
    }
    return el("div", { class: "item field", dataset: { path } }, head, this.control(node, items, i, path), el("div", { class: "notes" }));
  }

  // Findings next to the field they concern: the element whose path is the
  // finding's path, or the nearest enclosing one. validate's findings first,
  // then the content review's, then what an import wrote beside a field.
  // unusable: the findings are why the file cannot be read (errors, not gaps).
  place(findings, review, remarks, unusable) {
    this.shown = { findings: findings || [], review: review || [], remarks: remarks || {} };
    this.root.querySelectorAll(".notes").forEach((n) => n.replaceChildren());
    this.root.querySelectorAll(".flagged").forEach((n) => n.classList.remove("flagged", "error", "warning", "info"));
    const put = (path, node, level) => {
      const host = this.host(path || "");
      host.querySelector(":scope > .notes").append(node);
      if (host !== this.root && level) host.classList.add("flagged", level);
    };
    for (const finding of this.shown.findings) put(finding.path, findingNode(finding, unusable ? null : "input"), finding.level);
    for (const finding of this.shown.review) put(finding.path, findingNode(finding, "review"), finding.level);
    for (const [path, lines] of Object.entries(this.shown.remarks)) {
      put(path, el("div", { class: "finding remark" }, el("span", { class: "level" }, "导入说明"),
        ...lines.map((line) => el("span", { class: "line" }, line))), null);
    }
  }

  host(path) {
    let p = path;
    while (p) {
      const found = this.root.querySelector(`[data-path="${CSS.escape(p)}"]`);
      if (found) return found;
      p = p.includes("[") || p.includes(".") ? p.replace(/(\[\d+\]|\.[^.[\]]+)$/, "") : "";
    }
    return this.root;
  }

  showChanges(changes) {
    this.root.querySelectorAll(".change").forEach((span) => {
      span.textContent = changes[span.dataset.changePath] || "";
    });
  }
}

// A new item: its required fields, empty.
function blank(node) {
  if (node.kind !== "object") return "";
  const item = {};
  for (const field of node.fields) {
    if (!field.required) continue;
    item[field.key] = field.node.kind === "list" ? [] : field.node.kind === "text" ? "" : null;
  }
  return item;
}

// What a number box holds: a number when it reads as one; otherwise the text
// as typed, so that drafter's own check says what is wrong with it.
function number(text) {
  const t = text.trim();
  if (!t) return null;
  return /^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

function grow(area) {
  area.style.height = "auto";
  area.style.height = area.scrollHeight + 2 + "px";
}
