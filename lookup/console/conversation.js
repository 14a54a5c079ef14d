// One conversation at the desk (conversation.html), live and without losing a word:
// - when the feed says this conversation changed (the citizen wrote, took, left, another operator acted), the
//   transcript, the answer cards and, if its state changed, the controls are read anew and put in place; the reply
//   box is never replaced while the state stays, and what is typed in it is kept on this device until it is sent,
//   across updates and reloads;
// - 接入, 发送 and 结束 are sent without leaving the page (the server answers in JSON), so the page stays where it
//   was; after 接入 focus goes to the reply box; Ctrl+Enter sends; 结束 asks to confirm first;
// - 放入回复框 and the 常用语 put their text into the reply box to be edited, never sent as they are.
import { serially } from "/console/live.js";

const box = document.getElementById("console");
const said = document.getElementById("said");
const news = document.getElementById("live-news");
const who = box.dataset.who;
const DRAFT_KEY = `desk.draft.${who}`;

const reply = () => document.getElementById("reply");

function tell(text, ok) {
  const line = document.createElement("p");
  line.className = ok ? "message" : "message warning";
  line.textContent = text;
  said.replaceChildren(line);
}

function keepDraft() {
  const area = reply();
  if (!area) return;
  if (!area.value && localStorage.getItem(DRAFT_KEY)) area.value = localStorage.getItem(DRAFT_KEY);
  area.addEventListener("input", () => {
    if (area.value) localStorage.setItem(DRAFT_KEY, area.value);
    else localStorage.removeItem(DRAFT_KEY);
  });
  area.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      document.getElementById("answer").requestSubmit();
    }
  });
}

function confirmClose(form) {
  if (form.querySelector(".confirm")) return;
  const panel = document.createElement("div");
  panel.className = "confirm";
  panel.setAttribute("role", "alertdialog");
  panel.setAttribute("aria-label", "确认结束");
  const ask = document.createElement("p");
  ask.textContent = "确定结束本次人工服务、把对话交还机器人吗？";
  const yes = document.createElement("button");
  yes.type = "button";
  yes.className = "close";
  yes.id = "close-yes";
  yes.textContent = "确认结束";
  const no = document.createElement("button");
  no.type = "button";
  no.className = "quiet";
  no.textContent = "不结束";
  yes.addEventListener("click", () => { panel.remove(); act(form); });
  no.addEventListener("click", () => { panel.remove(); document.getElementById("close").focus(); });
  panel.addEventListener("keydown", (event) => { if (event.key === "Escape") no.click(); });
  panel.append(ask, yes, " ", no);
  form.append(panel);
  yes.focus();
}

async function act(form) {
  const button = form.querySelector("button:not([type=button])");
  button.disabled = true;
  try {
    const answer = await fetch(form.action, { method: "POST", body: new URLSearchParams(new FormData(form)),
      headers: { accept: "application/json" } });
    const outcome = answer.ok ? await answer.json() : { done: false, said: "操作没有成功，请稍后再试。" };
    tell(outcome.said, outcome.done);
    if (outcome.done && form.dataset.act === "answer") {
      reply().value = "";
      localStorage.removeItem(DRAFT_KEY);
    }
    await reread();
    if (outcome.done && form.dataset.act !== "close" && reply()) reply().focus();
  } catch (_) {
    tell("网络连接不上，操作没有送到，请稍后再试。您写的回复还在输入框里。", false);
  } finally {
    button.disabled = false;
  }
}

// No reply box any more (the citizen left, or WeChat's 48 hours are over): what was typed is shown to copy.
function showDraftLeft() {
  const left = document.getElementById("draft-left");
  const draft = localStorage.getItem(DRAFT_KEY);
  if (!left || !draft) return;
  document.getElementById("draft-text").value = draft;
  left.hidden = false;
}

function wire() {
  document.querySelectorAll("#controls form[data-act]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (form.dataset.act === "close") confirmClose(form);
      else act(form);
    });
  });
  keepDraft();
  showDraftLeft();
}

document.getElementById("assist").addEventListener("click", (event) => {
  const button = event.target.closest("button[data-reply]");
  const area = reply();
  if (!button || !area) return;
  area.value = area.value ? `${area.value.trimEnd()}\n${button.dataset.reply}` : button.dataset.reply;
  area.dispatchEvent(new Event("input"));
  area.focus();
});

async function readConversation() {
  const answer = await fetch(location.pathname + location.search, { headers: { accept: "text/html" } });
  if (!answer.ok && answer.status !== 404) return;  // 404: the citizen's records were deleted, the page says so
  const page = new DOMParser().parseFromString(await answer.text(), "text/html");
  const lines = document.querySelectorAll("#history li").length;
  const history = document.getElementById("history-box");
  const atEnd = history.scrollHeight - history.scrollTop - history.clientHeight < 40;
  for (const id of ["history-box", "assist"]) {
    const fresh = page.getElementById(id);
    if (fresh) document.getElementById(id).replaceChildren(...fresh.childNodes);
  }
  if (atEnd) history.scrollTop = history.scrollHeight;  // following the conversation: its newest line in view
  const grown = document.querySelectorAll("#history li").length - lines;
  if (grown > 0) news.textContent = `对话有${grown}条新消息。`;
  const controls = document.getElementById("controls");
  const next = page.getElementById("controls");
  const nextBox = page.getElementById("console");
  if (nextBox) box.dataset.handover = nextBox.dataset.handover;
  if (next && next.dataset.state !== controls.dataset.state) {
    const typed = reply() && reply().value;
    controls.replaceWith(next);
    if (typed && reply()) reply().value = typed;
    wire();
    if (next.dataset.state === "gone") news.textContent = next.innerText;
    if (reply()) reply().focus();
  }
}

const reread = serially(readConversation);

document.addEventListener("console:change", (event) => {
  const mine = Number(box.dataset.handover);
  if (event.detail.reset || event.detail.changes.some((c) => c.id === mine)) reread();
});

const closesAt = Number(box.dataset.closesAt) * 1000;  // WeChat's 48 hours end: the controls change then
if (closesAt && closesAt - Date.now() < 2 ** 31 - 1) setTimeout(reread, Math.max(0, closesAt - Date.now()) + 1000);
wire();
const conversation = document.getElementById("history-box");
conversation.scrollTop = conversation.scrollHeight;  // opened at its newest line
