// The handover queue page (handover.html), live: when the feed says the queue changed, the queue is read anew and
// put in place without a reload; keyboard focus stays on the control it was on, and a new row is marked for a
// moment. On opening, focus goes to the longest waiting conversation's 接入, so Enter takes it.
import { serially } from "/console/live.js";

const section = document.getElementById("queue");

function focusFirstTake() {
  const first = section.querySelector("button[id^='take-']");
  if (first && (document.activeElement === document.body || !document.activeElement)) first.focus();
}

async function readQueue() {
  const reply = await fetch("/handover", { headers: { accept: "text/html" } });
  if (!reply.ok) return;
  const next = new DOMParser().parseFromString(await reply.text(), "text/html").getElementById("queue");
  if (!next) return;
  const focused = document.activeElement && document.activeElement.id;
  const known = new Set([...section.querySelectorAll("tr[id]")].map((row) => row.id));
  section.replaceChildren(...next.childNodes);
  section.dataset.version = next.dataset.version;
  section.querySelectorAll("tr[id]").forEach((row) => { if (!known.has(row.id)) row.classList.add("fresh"); });
  const back = focused && document.getElementById(focused);
  if (back) back.focus();
  else if (focused) focusFirstTake();
}

const reread = serially(readQueue);

document.addEventListener("console:change", (event) => {
  if (event.detail.reset || event.detail.changes.length) reread();
});
focusFirstTake();
