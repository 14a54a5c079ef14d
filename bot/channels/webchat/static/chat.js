// 暖流助手 web chat: WeChat-like bubbles over Rasa's REST channel, same origin, no framework.
// The sender id and the conversation live in localStorage, so a reload shows the same
// conversation and the bot keeps its context (the tracker is keyed by the sender id).
"use strict";

const ENDPOINT = "/webhooks/rest/webhook";
const SENDER_KEY = "nuanliu.sender";
const HISTORY_KEY = "nuanliu.history";
const HISTORY_LIMIT = 200;
const TIMEOUT_MS = 30000;
const UNREACHABLE = "暂时连不上暖流助手，请检查网络后重试（您的问题还在输入框里）。";

const log = document.getElementById("log");
const form = document.getElementById("composer");
const input = document.getElementById("text");
const sendButton = document.getElementById("send");
const notice = document.getElementById("notice");

function senderId() {
  let id = localStorage.getItem(SENDER_KEY);
  if (!id) {
    id = "web-" + (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
    localStorage.setItem(SENDER_KEY, id);
  }
  return id;
}

function loadHistory() {
  try {
    return JSON.parse(localStorage.getItem(HISTORY_KEY)) || [];
  } catch (_) {
    return [];
  }
}

function saveHistory(history) {
  localStorage.setItem(HISTORY_KEY, JSON.stringify(history.slice(-HISTORY_LIMIT)));
}

// Amounts (15780元, 1.5亿元, 5%) stand out on a phone screen; built from text nodes, never innerHTML.
function fillWithAmounts(element, text) {
  const amount = /\d[\d,.]*\s*(?:万|亿)?\s*(?:元|%)/g;
  let last = 0;
  for (const match of text.matchAll(amount)) {
    element.append(text.slice(last, match.index));
    const strong = document.createElement("strong");
    strong.className = "amount";
    strong.textContent = match[0];
    element.append(strong);
    last = match.index + match[0].length;
  }
  element.append(text.slice(last));
}

function bubble(who, text) {
  const item = document.createElement("li");
  item.className = "msg " + who;
  const body = document.createElement("div");
  body.className = "bubble";
  if (who === "bot") fillWithAmounts(body, text); else body.textContent = text;
  item.append(body);
  log.append(item);
  return item;
}

function options(buttons, live) {
  const row = document.createElement("li");
  row.className = "options";
  for (const b of buttons) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = b.title;
    button.disabled = !live;
    button.addEventListener("click", () => ask(b.payload, b.title));
    row.append(button);
  }
  log.append(row);
}

function show(entry, live) {
  if (entry.text) bubble(entry.who, entry.text);
  if (entry.buttons && entry.buttons.length) options(entry.buttons, live);
}

function scrollDown() {
  log.scrollTop = log.scrollHeight;
}

function busy(on) {
  input.disabled = on;
  sendButton.disabled = on;
}

// `shown` is what the citizen sees as their bubble; null sends without one (the opening greeting).
async function ask(message, shown) {
  const history = loadHistory();
  if (shown !== null) {
    const mine = { who: "user", text: shown };
    show(mine, false);
    history.push(mine);
    saveHistory(history);
  }
  log.querySelectorAll(".options button").forEach((b) => { b.disabled = true; });
  notice.hidden = true;
  busy(true);
  const typing = bubble("bot typing", "");
  typing.querySelector(".bubble").innerHTML = "<span>•</span><span>•</span><span>•</span>";
  typing.setAttribute("aria-label", "正在输入");
  scrollDown();
  try {
    const reply = await fetch(ENDPOINT, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: senderId(), message }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!reply.ok) throw new Error("HTTP " + reply.status);
    const messages = await reply.json();
    typing.remove();
    for (const m of messages) {
      const entry = { who: "bot", text: m.text || "", buttons: m.buttons || [] };
      show(entry, true);
      history.push(entry);
    }
    saveHistory(history);
    input.value = "";
  } catch (error) {
    typing.remove();
    notice.textContent = UNREACHABLE;
    notice.hidden = false;
    if (!input.value && shown !== null) input.value = shown;  // nothing the citizen typed is lost
  } finally {
    busy(false);
    input.focus();
    scrollDown();
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (text) ask(text, text);
});

function restore() {
  const history = loadHistory();
  history.forEach((entry, i) => show(entry, i === history.length - 1));
  scrollDown();
  if (!history.length) ask("/greet", null);  // the bot's own greeting, with example questions
}

restore();
