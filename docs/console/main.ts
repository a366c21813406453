// The Try-it console: bundled into the page by scripts/console.mjs. It lives beside Redoc's tree
// (an <aside> at the end of <body>), follows Redoc's current operation through the hash route
// and answers every request in the page with the mock kit's handler on its seeded dataset:
// nothing leaves the browser, so it works on any static host and over file://.
import { createMockFetch } from "@community-api/mock/kit";
import stylesheet from "./console.css";
import {
  buildRequest,
  type ConsoleConfig,
  type ConsoleOperation,
  type ConsoleParameter,
  type ConsoleValues,
  curlLine,
  describeParameter,
  tokenChoices,
} from "./request.js";

const NO_TOKEN = "";

type Attributes = Record<string, string | boolean>;

/** An element with attributes (`true`: present, `false`: absent) and children. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) node.setAttribute(name, "");
    else if (value !== false) node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

/** The operation a Redoc route (`#/course/getcoursedashboardusers/t=request…`) shows, if any. */
function operationOf(hash: string, operations: readonly ConsoleOperation[]) {
  const segments = hash
    .replace(/^#\/?/, "")
    .split("/")
    .map((segment) => segment.toLowerCase());
  return operations.find((operation) => segments.includes(operation.operationId.toLowerCase()));
}

/** One form field per parameter; `read` gives what the reader entered. */
interface Field {
  row: HTMLElement;
  read: () => string | readonly string[];
}

function field(parameter: ConsoleParameter, where: "path" | "query", initial: string): Field {
  const id = `try-it-${where}-${parameter.name}`;
  const hint = h("span", { class: "try-it-hint", id: `${id}-hint` }, describeParameter(parameter));
  const values = parameter.jsonArray?.enum ?? null;
  if (values) {
    // A multi-select as a group of checkboxes: each value is one labelled tab stop.
    const boxes = values.map((value) =>
      h("input", { type: "checkbox", name: parameter.name, value: String(value) }),
    );
    const row = h(
      "fieldset",
      { class: "try-it-field", "aria-describedby": `${id}-hint` },
      h("legend", {}, parameter.name),
      h(
        "div",
        { class: "try-it-choices" },
        ...boxes.map((box) => h("label", {}, box, ` ${box.value}`)),
      ),
      hint,
    );
    return { row, read: () => boxes.filter((box) => box.checked).map((box) => box.value) };
  }
  let input: HTMLInputElement | HTMLSelectElement;
  if (parameter.enum) {
    const unset =
      parameter.default === undefined ? "(not sent)" : `(not sent: ${String(parameter.default)})`;
    input = h(
      "select",
      { id, name: parameter.name, "aria-describedby": `${id}-hint` },
      h("option", { value: "" }, unset),
      ...parameter.enum.map((value) => h("option", { value: String(value) }, String(value))),
    );
  } else {
    // Text, even for integers: a value out of bounds (or no number) must reach the mock as typed.
    input = h("input", {
      id,
      name: parameter.name,
      type: "text",
      autocomplete: "off",
      spellcheck: "false",
      inputmode: parameter.type === "integer" ? "numeric" : false,
      "aria-describedby": `${id}-hint`,
      placeholder: parameter.default === undefined ? "" : String(parameter.default),
    });
    input.value = initial;
  }
  const row = h(
    "div",
    { class: "try-it-field" },
    h("label", { for: id }, parameter.name),
    input,
    hint,
  );
  return { row, read: () => input.value };
}

/** The form, the answer area and the send logic of one operation. */
function consoleFor(
  operation: ConsoleOperation,
  config: ConsoleConfig,
  mockFetch: ReturnType<typeof createMockFetch>,
): HTMLElement {
  const pathFields = operation.pathParameters.map((parameter) => ({
    parameter,
    ...field(parameter, "path", String(config.id)),
  }));
  const queryFields = operation.queryParameters.map((parameter) => ({
    parameter,
    ...field(parameter, "query", ""),
  }));
  const tokens = tokenChoices(operation, config.id);
  const token = h(
    "select",
    { id: "try-it-token", name: "token", "aria-describedby": "try-it-token-hint" },
    ...tokens.map((value) => h("option", { value }, value)),
    h("option", { value: NO_TOKEN }, "(no token)"),
  );
  const roles = operation.roles
    ? `Needs the ${operation.roles.resource} role ${operation.roles.roles.join(" or ")}. `
    : "";
  const form = h(
    "form",
    { class: "try-it-form", novalidate: true },
    h(
      "fieldset",
      { class: "try-it-group" },
      h("legend", {}, "Path"),
      ...pathFields.map((entry) => entry.row),
    ),
    ...(queryFields.length > 0
      ? [
          h(
            "fieldset",
            { class: "try-it-group" },
            h("legend", {}, "Query (an empty field is not sent)"),
            ...queryFields.map((entry) => entry.row),
          ),
        ]
      : []),
    h(
      "div",
      { class: "try-it-field" },
      h("label", { for: "try-it-token" }, "Test token"),
      token,
      h(
        "span",
        { class: "try-it-hint", id: "try-it-token-hint" },
        `${roles}The mock's test tokens: <resource>-<id>-<role>.`,
      ),
    ),
    h("button", { type: "submit", class: "try-it-send" }, "Send"),
  );

  const status = h("p", { class: "try-it-status", role: "status" });
  const curl = h("code", {});
  const headers = h("code", {});
  const body = h("code", {});
  const answer = h(
    "section",
    { class: "try-it-answer", "aria-labelledby": "try-it-answer-title", hidden: true },
    h("h3", { id: "try-it-answer-title" }, "Answer"),
    status,
    h("h4", {}, "The same request with curl (the local mock)"),
    h("pre", { class: "try-it-curl" }, curl),
    h("h4", {}, "Headers"),
    h("pre", {}, headers),
    h("h4", {}, "Body"),
    h("pre", { class: "try-it-body" }, body),
  );

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values: ConsoleValues = {
      path: Object.fromEntries(
        pathFields.map((entry) => [entry.parameter.name, String(entry.read())]),
      ),
      query: Object.fromEntries(queryFields.map((entry) => [entry.parameter.name, entry.read()])),
      token: token.value === NO_TOKEN ? null : token.value,
    };
    send(values).catch((error: unknown) => {
      status.textContent = `Could not send: ${error instanceof Error ? error.message : String(error)}`;
      status.dataset.outcome = "error";
    });
  });

  async function send(values: ConsoleValues) {
    const request = buildRequest(operation, values, config.baseUrl);
    curl.textContent = curlLine(request);
    const response = await mockFetch(request.url, {
      method: request.method,
      headers: request.headers,
    });
    const text = await response.text();
    let pretty = text;
    try {
      pretty = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // Not JSON: shown as it came.
    }
    headers.textContent = [...response.headers]
      .map(([name, value]) => `${name}: ${value}`)
      .join("\n");
    body.textContent = pretty;
    status.textContent = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
    status.dataset.outcome = response.ok ? "ok" : "error";
    answer.dataset.status = String(response.status);
    answer.hidden = false;
    // The answer starts below the form: bring it up (focus stays on Send, the status is announced).
    answer.scrollIntoView({ block: "start" });
  }

  return h(
    "div",
    { class: "try-it-console", "data-operation": operation.operationId },
    h(
      "p",
      { class: "try-it-intro" },
      h("code", {}, `${operation.method} ${operation.path}`),
      h("br"),
      "Answered in this page by the mock's handler on its seeded dataset: nothing leaves your browser.",
    ),
    form,
    answer,
  );
}

function mount(config: ConsoleConfig) {
  document.head.append(h("style", { id: "try-it-style" }, stylesheet));
  const mockFetch = createMockFetch({ baseUrl: config.baseUrl });
  const name = h("span", { class: "try-it-name" });
  const open = h(
    "button",
    { type: "button", class: "try-it-open", "aria-haspopup": "dialog", hidden: true },
    "Try it",
    name,
  );
  const title = h("h2", { id: "try-it-title" });
  const close = h("button", { type: "button", class: "try-it-close" }, "Close");
  const content = h("div", {});
  const dialog = h(
    "dialog",
    { class: "try-it-dialog", "aria-labelledby": "try-it-title" },
    h("div", { class: "try-it-head" }, title, close),
    content,
  );
  document.body.append(h("aside", { id: "try-it", "aria-label": "Try it" }, open, dialog));

  // One console per operation, made when first opened and kept, so what a reader typed stays.
  const consoles = new Map<string, HTMLElement>();
  let current: ConsoleOperation | undefined;

  const follow = () => {
    if (dialog.open) return;
    const operation = operationOf(location.hash, config.operations);
    if (operation === current) return;
    current = operation;
    open.hidden = !operation;
    name.textContent = operation ? `: ${operation.summary}` : "";
  };
  open.addEventListener("click", () => {
    if (!current) return;
    let view = consoles.get(current.operationId);
    if (!view) {
      view = consoleFor(current, config, mockFetch);
      consoles.set(current.operationId, view);
    }
    title.textContent = `Try ${current.summary}`;
    content.replaceChildren(view);
    dialog.showModal();
  });
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    open.focus();
    follow();
  });
  // Redoc moves its route with history.replaceState as the reader scrolls, which fires no event:
  // the route is read on the events that exist and, cheaply, twice a second.
  window.addEventListener("hashchange", follow);
  window.addEventListener("popstate", follow);
  setInterval(follow, 500);
  follow();
}

const source = document.getElementById("try-it-config");
if (source?.textContent) mount(JSON.parse(source.textContent) as ConsoleConfig);
