// The handover queue page (handover.html), live: when the feed says the queue changed, the queue is read anew and
// put in place without a reload; keyboard focus stays on the control it was on, and a new row is marked for a
// moment. On opening, focus goes to the longest waiting conversation's 接入, so Enter takes it.
const section = document.getElementById("queue");
let reading = null;  // the read under way, so changes arriving meanwhile are read once more after it
let again = false;

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

async function reread() {
  if (reading) {
    again = true;
    return;
  }
  do {
    again = false;
    reading = readQueue().catch(() => {});
    await reading;
    reading = null;
  } while (again);
}

document.addEventListener("console:change", (event) => {
  if (event.detail.reset || event.detail.changes.length) reread();
});
focusFirstTake();
