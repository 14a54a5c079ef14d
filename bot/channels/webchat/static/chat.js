// 暖流助手 web chat: WeChat-like bubbles over the page's own channel (bot/channels/webchat), same origin, no framework.
// The server names the page's conversation: the page asks /webchat/session once for a signed token and shows it on
// every request (X-Page-Token). The token, the conversation and the text size live in localStorage, so a reload
// shows the same conversation and the bot keeps its context. What is kept is masked (format.js), and 新对话 forgets
// it, because one phone or PC is often shared.
// While the conversation is handed over to a person (转人工), person.js follows it: where the citizen stands, the
// operator's words without a reload, 已送达 under messages sent meanwhile, cancelling, and leaving on 新对话.
import { fillWithFigures, mask } from "./format.js";
import { ASK_PERSON, CANCEL, personWatch } from "./person.js";

const ENDPOINT = "/webchat/webhook";
const SESSION_ENDPOINT = "/webchat/session";
const TOKEN_HEADER = "X-Page-Token";
const TOKEN_KEY = "nuanliu.page";
const OLD_SENDER_KEY = "nuanliu.sender";  // a page's own id, before the server issued them: no longer accepted
const HISTORY_KEY = "nuanliu.history";
const SIZE_KEY = "nuanliu.textSize";
const SIZES = ["标准", "大", "较大", "特大"];  // chat.css: html[data-size="0".."3"]
const HISTORY_LIMIT = 200;
const TIMEOUT_MS = 30000;
const COUNTER_FROM = 0.8;  // the counter shows from this share of the limit
const RESEND_HINT = "点按消息旁的“!”即可重新发送。";
// Whose fault a failure is, said plainly: the citizen's network, or our system (never blamed on them).
const FAILURES = {
  network: "网络连接不上，请检查手机的网络（无线网或移动数据）。",
  busy: "系统繁忙，请稍后再试。",
  throttled: (wait) => `现在咨询的人比较多，请${wait}后再试。您的问题已保留。`,
};

const log = document.getElementById("log");
const form = document.getElementById("composer");
const input = document.getElementById("text");
const sendButton = document.getElementById("send");
const askPerson = document.getElementById("ask-person");
const notice = document.getElementById("notice");
const counter = document.getElementById("counter");
const maxLength = Number(input.dataset.maxLength);  // the server's own limit, written into the page

class SendFailure extends Error {
  constructor(kind, wait) {
    super(kind);
    this.kind = kind;
    this.wait = wait;
  }
}

// This page's conversation token, asked of the server the first time (a failure here is the network's or ours).
async function pageToken() {
  let token = localStorage.getItem(TOKEN_KEY);
  if (!token) {
    const reply = await fetch(SESSION_ENDPOINT, { method: "POST", signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (reply.status === 429) throw new SendFailure("throttled", retryWait(reply.headers.get("Retry-After")));
    if (!reply.ok) throw new SendFailure("busy");
    token = (await reply.json()).token;
    localStorage.setItem(TOKEN_KEY, token);
  }
  return token;
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

function updateEntry(id, change) {
  const history = loadHistory();
  const entry = history.find((e) => e.id === id);
  if (entry) Object.assign(entry, change);
  saveHistory(history);
}

// ---- text size: A− / A+, remembered on this device (not part of a conversation, so 新对话 keeps it)

const smaller = document.getElementById("smaller");
const larger = document.getElementById("larger");
const sizeLabel = document.getElementById("size");

function applySize(step) {
  const size = Math.min(Math.max(step, 0), SIZES.length - 1);
  document.documentElement.dataset.size = String(size);
  sizeLabel.textContent = SIZES[size];
  smaller.disabled = size === 0;
  larger.disabled = size === SIZES.length - 1;
  localStorage.setItem(SIZE_KEY, String(size));
  return size;
}

// Larger text moves everything: the input box is fitted again and the latest message kept in view.
function resize(step) {
  textSize = applySize(step);
  fitInput();
  scrollDown();
}

let textSize = applySize(Number(localStorage.getItem(SIZE_KEY)) || 0);
smaller.addEventListener("click", () => resize(textSize - 1));
larger.addEventListener("click", () => resize(textSize + 1));

// ---- the conversation on screen

// `from` names a person who wrote a bot-side message (人工客服), so nobody takes it for the bot.
function bubble(who, text, from = "") {
  const item = document.createElement("li");
  item.className = "msg " + who + (from ? " person" : "");
  const body = document.createElement("div");
  body.className = "bubble";
  if (who === "bot") fillWithFigures(body, text); else body.textContent = text;
  if (from) {
    const label = document.createElement("strong");
    label.className = "from";
    label.textContent = from + "：";
    body.prepend(label);
  }
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
    button.addEventListener("click", () => ask(userEntry(b.title, b.payload)));
    row.append(button);
  }
  log.append(row);
}

// A message that did not get through: a "!" to tap, and words saying so (not only a colour).
function markFailed(item, entry) {
  item.classList.add("failed");
  const resend = document.createElement("button");
  resend.type = "button";
  resend.className = "resend";
  resend.textContent = "!";
  resend.setAttribute("aria-label", "发送失败，点按重新发送");
  resend.addEventListener("click", () => ask(entry, item));
  const note = document.createElement("p");
  note.className = "failed-note";
  note.textContent = "未发出，点按“!”重新发送";
  item.prepend(resend);
  item.append(note);
}

function unmark(item) {
  item.classList.remove("failed");
  item.querySelectorAll(".resend, .failed-note").forEach((e) => e.remove());
}

// Under a message sent while a person is asked for: the server has it (the operator will read it).
function markDelivered(item) {
  const note = document.createElement("p");
  note.className = "delivered-note";
  note.textContent = "已送达";
  item.append(note);
}

function show(entry, live) {
  if (entry.text) {
    const item = bubble(entry.who, entry.text, entry.from);
    if (entry.failed) markFailed(item, entry);
    if (entry.delivered) markDelivered(item);
  }
  if (entry.buttons && entry.buttons.length) options(entry.buttons, live);
}

function scrollDown() {
  log.scrollTop = log.scrollHeight;
}

function busy(on) {
  input.disabled = on;
  sendButton.disabled = on;
  askPerson.disabled = on;
  log.querySelectorAll(".resend").forEach((b) => { b.disabled = on; });
}

function say(text) {
  notice.textContent = text;
  notice.hidden = !text;
}

// ---- talking to the server

// "30秒" or "2分钟" from a Retry-After header (seconds or an HTTP date); a minute when it gives none.
function retryWait(header) {
  const seconds = /^\d+$/.test(header || "") ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
  if (!(seconds > 0)) return "1分钟";
  return seconds < 60 ? `${Math.ceil(seconds)}秒` : `${Math.ceil(seconds / 60)}分钟`;
}

// A token the server no longer accepts (its secret was changed) is dropped, and the message sent once more under a
// new one: the conversation starts anew on the server, as after 新对话.
async function post(message, renewed = false) {
  let reply;
  try {
    reply = await fetch(ENDPOINT, {
      method: "POST",
      headers: { "Content-Type": "application/json", [TOKEN_HEADER]: await pageToken() },
      body: JSON.stringify({ message }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    if (error instanceof SendFailure) throw error;
    throw new SendFailure(error.name === "TimeoutError" ? "busy" : "network");
  }
  if (reply.status === 401 && !renewed) {
    localStorage.removeItem(TOKEN_KEY);
    return post(message, true);
  }
  if (reply.status === 429) throw new SendFailure("throttled", retryWait(reply.headers.get("Retry-After")));
  if (!reply.ok) throw new SendFailure("busy");
  return reply.json();
}

function userEntry(text, payload) {
  return { id: crypto.randomUUID(), who: "user", text: mask(text), payload: mask(payload) };
}

// Sends one of the citizen's messages (or, with `entry` null, the opening greeting). `item` is the bubble
// of a failed message being sent again: it is reused, so a resend never shows the question twice.
async function ask(entry, item = null) {
  if (entry && !item) {
    item = bubble("user", entry.text);
    saveHistory([...loadHistory(), entry]);
  } else if (item) {
    unmark(item);
    updateEntry(entry.id, { failed: false });
  }
  const live = [...log.querySelectorAll(".options button:not(:disabled)")];
  live.forEach((b) => { b.disabled = true; });
  say("");
  busy(true);
  const typing = bubble("bot typing", "");
  typing.querySelector(".bubble").innerHTML = "<span>•</span><span>•</span><span>•</span>";
  typing.setAttribute("aria-label", "正在输入");
  scrollDown();
  try {
    const messages = await post(entry ? entry.payload : "/greet");
    typing.remove();
    const answers = messages.filter((m) => m.text || (m.buttons && m.buttons.length))
      .map((m) => ({ who: "bot", text: m.text || "", buttons: m.buttons || [] }));
    if (messages.some((m) => m.custom && m.custom.forgotten)) {
      forgetHere();  // 删除我的记录: the server has deleted it; nothing of it stays on this device either
      answers.forEach((a) => show(a, true));
      return;
    }
    answers.forEach((a) => show(a, true));
    saveHistory([...loadHistory(), ...answers]);
    if (person.afterReply(messages) && entry) {
      markDelivered(item);
      updateEntry(entry.id, { delivered: true });
    }
  } catch (error) {
    typing.remove();
    live.forEach((b) => { b.disabled = false; });  // the options still answer the last thing the bot said
    const reason = error instanceof SendFailure ? error : new SendFailure("busy");
    const why = reason.kind === "throttled" ? FAILURES.throttled(reason.wait) : FAILURES[reason.kind];
    if (entry) {
      markFailed(item, entry);
      updateEntry(entry.id, { failed: true });
      say(why + RESEND_HINT);
    } else {
      say(why + "请稍后刷新页面。");
    }
    person.ask();  // the server may have handed the conversation over all the same
  } finally {
    busy(false);
    input.focus();
    scrollDown();
  }
}

// ---- a person is asked for (转人工): person.js

const person = personWatch({
  token: () => localStorage.getItem(TOKEN_KEY), header: TOKEN_HEADER, show, scrollDown,
  remember: (said) => saveHistory([...loadHistory(), ...said]),
  line: document.getElementById("person"),
  status: document.getElementById("person-status"),
  cancel: () => ask(userEntry(CANCEL, CANCEL)),
  asking: askPerson,
});

// Always in sight, so an elderly citizen need not know the words: asks as typing 转人工 would (the bot confirms).
askPerson.addEventListener("click", () => ask(userEntry(ASK_PERSON, ASK_PERSON)));

// ---- the input: as long as the server accepts, a counter near the limit, nothing cut

function fitInput() {
  input.style.height = "auto";
  input.style.height = input.scrollHeight + 2 + "px";
  const length = input.value.length;
  counter.hidden = length < maxLength * COUNTER_FROM;
  counter.classList.toggle("over", length > maxLength);
  counter.textContent = length > maxLength
    ? `已输入${length}字，超出${length - maxLength}字，请删减后再发送（最多${maxLength}字）`
    : `已输入${length}字，最多${maxLength}字`;
}

function submit() {
  const text = input.value.trim();
  if (!text) return;
  if (text.length > maxLength) {
    say(`问题太长了：最多${maxLength}字，现在${text.length}字。请删减后再发送，您写的内容都还在输入框里。`);
    return;
  }
  input.value = "";
  fitInput();
  ask(userEntry(text, text));
}

input.addEventListener("input", fitInput);
input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {  // Shift+Enter: a new line
    event.preventDefault();
    submit();
  }
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  submit();
});

// ---- starting and ending

function restore() {
  const history = loadHistory();
  history.forEach((entry, i) => show(entry, i === history.length - 1));
  scrollDown();
  if (!history.length) ask(null);  // the bot's own greeting, with buttons to start from
  else person.ask();  // handed over, perhaps while this page was away
}

// The conversation off this device: its history, its token (the bot starts without the last person's
// context) and any wait for a person; what is on the page goes too.
function forgetHere() {
  person.forget();
  localStorage.removeItem(HISTORY_KEY);
  localStorage.removeItem(TOKEN_KEY);
  log.replaceChildren();
}

document.getElementById("restart").addEventListener("click", () => {
  if (!confirm("开始新对话？本机上的对话记录会被清除。")) return;
  person.leave();  // a person waiting to answer is told the citizen left
  forgetHere();
  say("");
  input.value = "";
  fitInput();
  restore();
});

localStorage.removeItem(OLD_SENDER_KEY);
fitInput();
restore();
