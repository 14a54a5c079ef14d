// 转人工 on the web page: where the citizen stands, what a person says to them, and leaving.
// While the conversation is handed over, the page asks the server every few seconds (/webchat/handover) where it
// stands (排队中（前面还有N位）, then 人工客服已接入) and what was said to it outside a turn since the last such
// message it showed (an id that only grows, so nothing is lost however many messages the citizen sent meanwhile).
// It also asks once when it opens and after a message that did not get through, so a page that missed the reply
// announcing the handover still follows it. Messages sent while held are marked 已送达 when the server took them.
// The citizen can cancel (取消转人工, a button and the words); 新对话 while held tells the server they left.
// Every request shows the page's token (chat.js): the server answers about the conversation it proves, no other.
const ENDPOINT = "/webchat/handover";
const LEAVE = "/webchat/handover/leave";
const WATCH_KEY = "nuanliu.person";  // "1" while the conversation is handed over
const AFTER_KEY = "nuanliu.said";  // the id of the last message said outside a turn that this page showed
const POLL_MS = 3000;
export const CANCEL = "取消转人工";
export const ASK_PERSON = "转人工";

// `asking` is the page's 转人工 button: hidden while the citizen already waits for or talks with a person.
export function personWatch({ token, header, show, remember, scrollDown, line, status, cancel, asking }) {
  let timer = null;

  const watching = () => localStorage.getItem(WATCH_KEY) === "1";

  function stand(state) {
    status.textContent = state.status || "已转人工客服：客服接入后会在上面回复您。";
    line.hidden = false;
    asking.hidden = true;
  }

  function watch(state) {
    localStorage.setItem(WATCH_KEY, "1");
    if (state) stand(state);
    line.hidden = false;
    asking.hidden = true;
    clearTimeout(timer);
    timer = setTimeout(ask, POLL_MS);
  }

  function stop() {
    clearTimeout(timer);
    localStorage.removeItem(WATCH_KEY);
    line.hidden = true;
    asking.hidden = false;
  }

  async function ask() {
    const mine = token();
    if (!mine) {  // no conversation yet (or 新对话 was pressed): nothing is handed over
      stop();
      return;
    }
    const after = Number(localStorage.getItem(AFTER_KEY)) || 0;
    try {
      const reply = await fetch(`${ENDPOINT}?after=${after}`,
        { headers: { [header]: mine }, signal: AbortSignal.timeout(30000) });
      if (reply.status === 401) {  // a token the server no longer accepts: chat.js starts anew with the next message
        stop();
        return;
      }
      if (reply.ok && mine === token()) {  // 新对话 may have been pressed meanwhile
        const got = await reply.json();
        const said = got.messages.map((m) => ({ who: "bot", text: m.text, from: m.label || "", buttons: [] }));
        said.forEach((entry) => show(entry, true));
        if (said.length) {
          remember(said);
          localStorage.setItem(AFTER_KEY, String(Math.max(...got.messages.map((m) => m.id))));
          scrollDown();
        }
        if (got.held) watch(got);
        else stop();
        return;
      }
    } catch (_) {
      // the network: asked again on the next round
    }
    if (watching()) timer = setTimeout(ask, POLL_MS);
  }

  // What the server said with a reply: the handover began ("queued"), or where a message sent while held stands
  // ({state, status}: the message was received), or that it ended ({state: "none"}); true if received while held.
  function afterReply(messages) {
    const handover = messages.map((m) => m.custom && m.custom.handover).find(Boolean);
    if (handover === "queued") {
      watch(null);
      ask();
      return false;
    }
    if (!handover) return false;
    if (handover.state === "none") {
      stop();
      return false;
    }
    watch(handover);
    return true;
  }

  // The citizen starts over: the server ends the handover, so the operator is told they left.
  function leave() {
    const mine = token();
    if (!watching() || !mine) return;
    fetch(LEAVE, { method: "POST", keepalive: true, headers: { [header]: mine } }).catch(() => {});
    stop();
    localStorage.removeItem(AFTER_KEY);
  }

  line.querySelector("button").addEventListener("click", cancel);
  return { ask, afterReply, leave, stop, forget: () => { stop(); localStorage.removeItem(AFTER_KEY); } };
}
