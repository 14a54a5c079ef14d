// The desk's live feed, on every page a logged-in operator opens (desk_base.html): the handover queue's changes
// as server-sent events from /console/feed (lookup/plugins/console.py), polling /console/feed.json where the
// stream fails. It keeps the count waiting in the menu and the title, says new work aloud to a screen reader,
// beeps if the operator turned the sound on, and hands each batch of changes to the page's own script as a
// "console:change" event (queue.js, conversation.js), which reads what changed anew.
const STREAM = "/console/feed";
const POLL = "/console/feed.json";
const POLL_MS = 2000;
const ERRORS_BEFORE_POLLING = 3;  // stream errors in a row with no event between: the stream does not work here
const SOUND_KEY = "desk.sound";

// `read` wrapped so that calls while it runs make it run once more after, never twice at once: a page reading
// itself anew on each change reads the latest state, and a burst of changes costs two reads, not one each.
export function serially(read) {
  let running = null;
  let again = false;
  return async function rerun() {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await read().catch(() => {});  // the network: the next change reads again
      } while (again);
      running = null;
    })();
    return running;
  };
}

const title = document.title;
const count = document.getElementById("waiting-count");
const news = document.getElementById("live-news");
const sound = document.getElementById("sound");
const rendered = document.querySelector("[data-version]");  // a page showing the queue says which version it shows
let version = rendered ? Number(rendered.dataset.version) : null;
let audio = null;

function soundOn() {
  return localStorage.getItem(SOUND_KEY) === "on";
}

function showSound() {
  sound.setAttribute("aria-pressed", String(soundOn()));
  sound.textContent = `新对话提示音：${soundOn() ? "开" : "关"}`;
}

function beep() {
  if (!audio) return;
  const tone = audio.createOscillator();
  const gain = audio.createGain();
  tone.frequency.value = 880;
  gain.gain.value = 0.2;
  tone.connect(gain).connect(audio.destination);
  tone.start();
  tone.stop(audio.currentTime + 0.3);
}

sound.addEventListener("click", () => {
  localStorage.setItem(SOUND_KEY, soundOn() ? "off" : "on");
  if (soundOn() && !audio) audio = new AudioContext();  // a browser lets a page play sound after a press only
  showSound();
});
showSound();

function take(batch) {
  const waiting = batch.waiting;
  count.hidden = !waiting;
  count.textContent = waiting ? `（${waiting}人等待）` : "";
  document.title = waiting ? `(${waiting}) ${title}` : title;
  const queued = batch.changes.filter((c) => c.kind === "queued").length;
  if (queued) {
    news.textContent = `有${queued}个新的转人工对话，现在${waiting}人等待。`;
    if (soundOn()) beep();
  }
  version = batch.version;
  document.dispatchEvent(new CustomEvent("console:change", { detail: batch }));
}

async function poll() {
  try {
    const reply = await fetch(`${POLL}?after=${version ?? ""}`, { headers: { accept: "application/json" } });
    if (reply.ok) {
      const batch = await reply.json();
      if (batch.version !== version || batch.reset || batch.changes.length) take(batch);
    }
  } catch (_) {
    // the network: asked again on the next round
  }
  setTimeout(poll, POLL_MS);
}

function stream() {
  if (!("EventSource" in window)) {
    poll();
    return;
  }
  const source = new EventSource(version === null ? STREAM : `${STREAM}?after=${version}`);
  let errors = 0;
  source.addEventListener("change", (event) => {
    errors = 0;
    take(JSON.parse(event.data));
  });
  source.addEventListener("error", () => {
    errors += 1;
    if (source.readyState === EventSource.CLOSED || errors >= ERRORS_BEFORE_POLLING) {
      source.close();
      poll();
    }
  });
}

stream();
