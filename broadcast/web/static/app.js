// broadcast web: the little the page needs scripts for. Everything works without it except
// the live spoken form, the progress bar and the sentence following the audio.
"use strict";

const csrf = () => document.body.dataset.csrf;

function debounce(fn, ms) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

// The spoken form beside the editor, refreshed as the officer types.
function liveSpoken() {
  const body = document.getElementById("body");
  const spoken = document.getElementById("spoken");
  const dirty = document.getElementById("dirty");
  if (!body || !spoken) return;
  let asked = 0;  // only the answer to the latest text is shown
  let unsaved = false;
  const refresh = debounce(async () => {
    const mine = ++asked;
    const form = new FormData();
    form.append("body", body.value);
    const answer = await fetch("/api/loi-doc", {method: "POST", body: form,
      headers: {"X-CSRF-Token": csrf()}, credentials: "same-origin"});
    if (answer.ok && mine === asked) spoken.innerHTML = await answer.text();
  }, 400);
  const changed = () => { unsaved = true; if (dirty) dirty.hidden = false; };
  body.addEventListener("input", () => { changed(); refresh(); });
  body.form.addEventListener("input", changed);
  body.form.addEventListener("submit", () => { unsaved = false; });
  window.addEventListener("beforeunload", (ev) => {
    if (unsaved) { ev.preventDefault(); ev.returnValue = ""; }
  });
}

// A build's progress, polled until it ends; then the page shows its result.
function followJob() {
  const box = document.querySelector(".job[data-job]");
  if (!box) return;
  const bar = box.querySelector("progress");
  const count = box.querySelector(".job-count");
  const fail = box.querySelector(".job-error");
  document.querySelectorAll("form button[type=submit]").forEach((b) => { b.disabled = true; });
  const poll = async () => {
    let answer, job;
    try {
      answer = await fetch("/api/viec/" + box.dataset.job, {credentials: "same-origin"});
      job = await answer.json();
    } catch (err) {  // the server busy or restarting: ask again
      setTimeout(poll, 1000);
      return;
    }
    if (!answer.ok) { fail.textContent = "Lỗi: " + job.error; fail.hidden = false; return; }
    if (job.total) { bar.max = job.total; bar.value = job.done;
      count.textContent = job.done + "/" + job.total + " câu"; }
    if (job.state === "running") { setTimeout(poll, 400); return; }
    if (job.state === "failed") {
      box.querySelector(".job-label").textContent = "Không dựng được.";
      fail.textContent = "Lỗi: " + job.error; fail.hidden = false;
      document.querySelectorAll("form button[type=submit]").forEach((b) => { b.disabled = false; });
      return;
    }
    bar.value = bar.max;
    const url = new URL(location.href);
    if (!box.dataset.keep) {
      url.searchParams.delete("viec");
      url.searchParams.set("xong", "dung");
      if (document.getElementById("nghe")) url.hash = "nghe";  // the player, in view
    }
    location.replace(url.toString());
  };
  poll();
}

// The sentence being read, highlighted as the audio plays (the manifest's cues).
function followCues() {
  const audio = document.getElementById("audio");
  const list = document.getElementById("cues");
  if (!audio || !list) return;
  const items = Array.from(list.children);
  const cues = items.map((li) => [parseFloat(li.dataset.start), parseFloat(li.dataset.end)]);
  const repeats = (list.parentElement.dataset.repeats || "0").split(",").map(parseFloat);
  let current = null;
  const within = (t) => {
    const offset = Math.max(...repeats.filter((r) => r <= t), 0);
    return t - offset;
  };
  audio.addEventListener("timeupdate", () => {
    const t = within(audio.currentTime);
    const index = cues.findIndex(([start, end]) => t >= start && t < end);
    const next = index >= 0 ? items[index] : null;
    if (next === current) return;
    if (current) current.classList.remove("current");
    if (next) {
      next.classList.add("current");
      list.scrollTop = next.offsetTop - list.clientHeight / 3;
    }
    current = next;
  });
  items.forEach((li, i) => li.addEventListener("click", () => {
    audio.currentTime = cues[i][0] + repeats[0]; audio.play();
  }));
}

// Drop a file on the box: it becomes the chosen file.
function dropFile() {
  const drop = document.getElementById("drop");
  const input = document.getElementById("tep");
  const name = document.getElementById("tep-name");
  if (!drop || !input) return;
  const show = () => {
    name.textContent = input.files.length ? "Đã chọn: " + input.files[0].name : "Chưa chọn tệp nào";
  };
  input.addEventListener("change", show);
  ["dragenter", "dragover"].forEach((e) => drop.addEventListener(e, (ev) => {
    ev.preventDefault(); drop.classList.add("over"); }));
  ["dragleave", "drop"].forEach((e) => drop.addEventListener(e, (ev) => {
    ev.preventDefault(); drop.classList.remove("over"); }));
  drop.addEventListener("drop", (ev) => {
    if (ev.dataTransfer.files.length) { input.files = ev.dataTransfer.files; show(); }
  });
}

// The month chooser opens the chosen month.
function monthPick() {
  const pick = document.getElementById("month-pick");
  if (pick) pick.addEventListener("change", () => { location.href = "/thang/" + pick.value; });
}

document.addEventListener("DOMContentLoaded", () => {
  monthPick(); liveSpoken(); followJob(); followCues(); dropFile();
});
