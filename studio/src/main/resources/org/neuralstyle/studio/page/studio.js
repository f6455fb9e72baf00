// The studio's page: plain JavaScript against the JSON API (see the README's "Studio"), no build step.
"use strict";

const WRITE = { "X-Studio": "1" };
const state = { catalogue: null, jobs: new Map(), order: [], content: null, styles: [], lossesAt: 0, hidden: new Set() };
const $ = (id) => document.getElementById(id);

function notice(message) {
  const box = $("notice");
  box.textContent = message || "";
  box.hidden = !message;
}

async function api(method, path, body, headers) {
  const response = await fetch(path, { method, body, headers: Object.assign({}, method === "GET" ? {} : WRITE, headers) });
  if (response.status === 204) return null;
  const data = await response.json().catch(() => ({ error: response.status + " " + response.statusText }));
  if (!response.ok) throw new Error(data.error || response.statusText);
  return data;
}

async function upload(file) {
  return api("POST", "/api/uploads", file, { "Content-Type": "application/octet-stream" });
}

// --- the form ---------------------------------------------------------------------------------------------

function buildForm(catalogue) {
  const preset = $("preset");
  preset.replaceChildren();
  for (const name of Object.keys(catalogue.presets).sort(presetOrder)) {
    preset.add(new Option(name + " (" + describe(catalogue.presets[name]) + ")", name));
  }
  const network = $("network");
  for (const name of catalogue.networks) network.add(new Option(name, name, false, name === catalogue.defaultNetwork));
  buildOptions(catalogue.options);
}

// The options of the content's kind: a video run has options of its own (frames, temporal weight, ...).
function buildOptions(options) {
  const form = $("option-form");
  const kept = formOptions();
  form.replaceChildren();
  // In the groups --help uses, each with the input its values need: a list to choose from, a number, or text.
  const groups = new Map();
  for (const option of options) {
    const group = option.group || "Other";
    if (!groups.has(group)) {
      const fieldset = document.createElement("fieldset");
      const legend = document.createElement("legend");
      legend.textContent = group;
      fieldset.append(legend);
      groups.set(group, fieldset);
    }
    const label = document.createElement("label");
    let input;
    if (option.flag) {
      input = document.createElement("input");
      input.type = "checkbox";
      // A switch that is on by default shows ticked; clearing it turns it off (--no-NAME).
      input.dataset.on = option.on ? "true" : "false";
      input.checked = !!option.on;
      label.append(input, " " + option.name);
    } else if (option.choices && option.choices.length) {
      input = document.createElement("select");
      input.add(new Option("default", ""));
      for (const choice of option.choices) input.add(new Option(choice, choice));
      label.append(option.name + " ", input);
    } else {
      input = document.createElement("input");
      input.type = option.number ? "number" : "text";
      if (option.number) {
        // Every number the program takes here is at least 0 (weights, sizes, counts, rates); a blend ("B") is a share.
        input.step = "any";
        input.min = "0";
        if (option.label === "B") input.max = "1";
      }
      input.placeholder = option.label || "";
      label.append(option.name + " ", input);
    }
    input.dataset.option = option.name;
    const help = document.createElement("small");
    help.textContent = option.help;
    label.append(help);
    groups.get(group).append(label);
    if (option.name in kept) option.flag ? (input.checked = kept[option.name] === "true") : (input.value = kept[option.name]);
  }
  form.append(...groups.values());
}

function presetOrder(a, b) {
  const order = ["preview", "quality", "painterly", "print"];
  return (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99);
}

function describe(options) {
  return Object.entries(options).map(([k, v]) => k.replace(/^--/, "") + " " + v).join(", ");
}

// The painter's controls, as options: style strength 2^v times the network's style weight, the styles' scale
// 2^(v/2) (larger: broader strokes), and the photo's colours kept. A value typed under All options wins.
const STRENGTH_WORDS = { "-2": "very subtle", "-1.5": "very subtle", "-1": "subtle", "-0.5": "a little subtle",
  "0": "normal", "0.5": "a little strong", "1": "strong", "1.5": "very strong", "2": "very strong" };
const STROKE_WORDS = { "-2": "fine", "-1": "finer", "0": "as painted", "1": "broader", "2": "broad" };

function lookOptions() {
  const options = {};
  const strength = parseFloat($("strength").value);
  if (strength !== 0) options["--style-strength"] = String(Math.round(Math.pow(2, strength) * 1000) / 1000);
  const stroke = parseFloat($("stroke").value);
  if (stroke !== 0 && state.styles.length > 0) {
    const scale = String(Math.round(Math.pow(2, stroke / 2) * 1000) / 1000);
    options["--style-scales"] = state.styles.map(() => scale).join(",");
  }
  if ($("keep-colours").checked) {
    if (state.content && state.content.kind === "video") options["--preserve-colors"] = "true";
    else options["--colors"] = "content-histogram";
  }
  return options;
}

// The slider's own help, as the page writes it (the script runs after the page is parsed).
const STRENGTH_HELP = $("strength-help").textContent;

function showLook() {
  $("strength-value").textContent = STRENGTH_WORDS[$("strength").value] || $("strength").value;
  $("stroke-value").textContent = STROKE_WORDS[$("stroke").value] || $("stroke").value;
  // Neural neighbours have no content term unless one is chosen: the strength then has nothing to weigh.
  const presets = (state.catalogue && state.catalogue.presets) || {};
  const chosen = { ...(presets[$("preset").value] || {}), ...formOptions() };
  const idle = chosen["--style-loss"] === "neighbours" && chosen["--content-loss"] !== "self-similarity";
  $("strength-help").textContent = idle ? "With neural neighbours alone the strength changes nothing: choose "
    + "\u2011\u2011content\u2011loss self-similarity under All options for it to act." : STRENGTH_HELP;
}

function chosenOptions() {
  return { ...lookOptions(), ...formOptions() };
}

/** A checkbox's state from a saved value: the option's default where none was saved. */
function flagValue(input, value) {
  return value === undefined || value === null ? input.dataset.on === "true" : value === "true";
}

function formOptions() {
  const options = {};
  for (const input of document.querySelectorAll("#option-form [data-option]")) {
    if (input.type === "checkbox") {
      if (input.checked !== (input.dataset.on === "true")) options[input.dataset.option] = String(input.checked);
    } else if (input.value.trim() !== "") {
      options[input.dataset.option] = input.value.trim();
    }
  }
  return options;
}

async function chooseContent(file) {
  notice("");
  try {
    state.content = Object.assign(await upload(file), { name: file.name });
    const video = state.content.kind === "video";
    const thumb = $("content-thumb");
    thumb.hidden = video;
    if (!video) thumb.src = "/api/uploads/" + state.content.id + "/thumbnail";
    $("content-video").hidden = !video;
    $("content-video").textContent = video ? "video " + state.content.width + "×" + state.content.height
      + ", " + state.content.frames + " frames" : "";
    buildOptions(video ? state.catalogue.videoOptions : state.catalogue.options);
    saveForm();
  } catch (e) {
    // The form has forgotten the content: so does the page (before, the old thumbnail stayed).
    state.content = null;
    $("content-thumb").hidden = true;
    $("content-thumb").removeAttribute("src");
    $("content-video").hidden = true;
    notice(file.name + ": " + e.message);
  }
}

async function addStyles(files) {
  notice("");
  for (const file of files) {
    try {
      const uploaded = await upload(file);
      state.styles.push({ id: uploaded.id, weight: 1, name: file.name });
    } catch (e) {
      notice(file.name + ": " + e.message);
    }
  }
  renderStyles();
}

function renderStyles() {
  saveForm();
  const list = $("style-list");
  list.replaceChildren();
  state.styles.forEach((style, i) => {
    const item = document.createElement("li");
    const img = new Image();
    img.src = "/api/uploads/" + style.id + "/thumbnail";
    img.alt = "style image " + (i + 1);
    const weight = document.createElement("input");
    weight.type = "number"; weight.min = "0"; weight.step = "0.1"; weight.value = style.weight;
    weight.title = "blend weight"; weight.setAttribute("aria-label", "blend weight of style image " + (i + 1));
    weight.className = "style-weight";
    weight.onchange = () => { style.weight = parseFloat(weight.value); };
    const remove = document.createElement("button");
    remove.textContent = "✕"; remove.title = "remove"; remove.setAttribute("aria-label", "remove style image " + (i + 1));
    remove.onclick = () => { state.styles.splice(i, 1); renderStyles(); };
    item.append(img, "weight", weight, remove, maskControl(style));
    list.append(item);
  });
}

// Where a style is painted: a greyscale mask upload (white: here), or everywhere when none is given.
function maskControl(style) {
  const box = document.createElement("span");
  box.className = "style-mask";
  const input = document.createElement("input");
  input.type = "file"; input.accept = "image/*"; input.hidden = true;
  const choose = document.createElement("button");
  choose.textContent = style.mask ? "change mask" : "mask…";
  choose.title = "where this style is painted: a greyscale image, white here, black not";
  choose.onclick = () => input.click();
  input.onchange = async () => {
    const file = input.files[0];
    if (!file) return;
    try {
      style.mask = (await upload(file)).id;
    } catch (e) {
      style.mask = null;
      notice(file.name + ": " + e.message);
    }
    renderStyles();
  };
  box.append(input, choose);
  if (style.mask) {
    const thumb = new Image();
    thumb.src = "/api/uploads/" + style.mask + "/thumbnail";
    thumb.alt = "mask";
    thumb.className = "mask-thumb";
    const clear = document.createElement("button");
    clear.textContent = "everywhere"; clear.title = "paint this style everywhere";
    clear.onclick = () => { style.mask = null; renderStyles(); };
    box.append(thumb, clear);
  }
  return box;
}

// "chelsea × starry_night + the_scream": the card's name and the download's file name.
function title() {
  const stem = (name) => (name || "").replace(/\.[^.]*$/, "");
  const names = [state.content.name, ...state.styles.map((s) => s.name)].map(stem);
  return names.every((n) => n) ? names[0] + " × " + names.slice(1).join(" + ") : null;
}

async function start() {
  notice("");
  if (!state.content) return notice("Choose a content image first.");
  if (state.styles.length === 0) return notice("Choose at least one style image.");
  const spec = {
    content: state.content.id,
    styles: state.styles.map((s) => s.id),
    styleWeights: state.styles.length > 1 ? state.styles.map((s) => s.weight) : [],
    masks: state.styles.some((s) => s.mask) ? state.styles.map((s) => s.mask || "") : [],
    network: $("network").value,
    preset: $("preset").value,
    options: chosenOptions(),
    title: title(),
  };
  // One job per press: Start waits for the server's answer (a double click queued two jobs).
  $("start").disabled = true;
  try {
    const job = await api("POST", "/api/jobs", JSON.stringify(spec), { "Content-Type": "application/json" });
    state.jobs.set(job.id, job);
    render();
  } catch (e) {
    notice(e.message);
  } finally {
    $("start").disabled = false;
  }
}

function dropZone(zone, onFiles) {
  zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => { e.preventDefault(); zone.classList.remove("over"); onFiles([...e.dataTransfer.files]); });
}

// --- jobs -------------------------------------------------------------------------------------------------

function render() {
  const jobs = [...state.jobs.values()];
  const running = jobs.find((j) => j.state === "RUNNING");
  renderRunning(running);
  const waiting = jobs.filter((j) => j.state === "QUEUED")
    .sort((a, b) => order(a) - order(b));
  // Rows are kept and updated in place: a row rebuilt under the pointer loses the click, and the keyboard's focus.
  const queue = $("queue");
  const rows = new Map([...queue.children].map((li) => [li.dataset.id, li]));
  const wanted = waiting.map((job, i) => queueItem(job, i, waiting.length, rows.get(job.id)));
  const same = wanted.length === queue.children.length && wanted.every((li, i) => queue.children[i] === li);
  if (!same) queue.replaceChildren(...wanted);
  const finished = jobs.filter((j) => j.state !== "QUEUED" && j.state !== "RUNNING" && !state.hidden.has(j.id))
    .sort((a, b) => b.createdMillis - a.createdMillis);
  const gallery = $("gallery");
  const cards = new Map([...gallery.children].map((c) => [c.dataset.id, c]));
  gallery.replaceChildren(...finished.map((job) => card(job, cards.get(job.id))));
}

function order(job) {
  const i = state.order.indexOf(job.id);
  return i < 0 ? 1e9 + job.createdMillis / 1e6 : i;
}

function renderRunning(job) {
  $("running").hidden = !job;
  $("idle").hidden = !!job;
  if (!job) return;
  const preview = $("preview");
  if (job.previews > 0 && preview.dataset.src !== job.id + ":" + job.previews) {
    preview.dataset.src = job.id + ":" + job.previews;
    preview.src = "/api/jobs/" + job.id + "/preview?v=" + job.previews;
  }
  const eta = job.etaSeconds == null ? "?" : Math.round(job.etaSeconds) + " s";
  $("progress").textContent = (job.frames > 0 ? "frame " + job.frame + " / " + job.frames + " · " : "")
    + "iteration " + job.iteration + " / " + job.iterations + " · ETA " + eta
    + (job.bestLoss == null ? "" : " · best loss " + job.bestLoss.toExponential(3));
  $("cancel").onclick = () => api("POST", "/api/jobs/" + job.id + "/cancel").catch((e) => notice(e.message));
  $("run-notes").replaceWith(Object.assign(notesOf(job), { id: "run-notes" }));
  if (Date.now() - state.lossesAt > 1000) {
    state.lossesAt = Date.now();
    api("GET", "/api/jobs/" + job.id).then((d) => drawLosses(d.losses)).catch(() => {});
  }
}

// Screen readers hear when a job starts and ends (not every iteration: the live region would never be quiet).
function announce(job) {
  const words = { QUEUED: "queued", RUNNING: "started", DONE: "finished", FAILED: "failed", CANCELLED: "cancelled",
    INTERRUPTED: "interrupted" };
  $("announce").textContent = "Job " + job.id + " " + (words[job.state] || job.state.toLowerCase())
    + (job.message ? ": " + job.message : "") + ".";
}

function drawLosses(points) {
  const canvas = $("losses");
  const g = canvas.getContext("2d");
  g.clearRect(0, 0, canvas.width, canvas.height);
  if (points.length < 2) return;
  // The total and whatever terms the loss has, by name.
  const palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];
  const names = Object.keys(points[points.length - 1].terms || {});
  const series = [["total", "#222"], ...names.map((n, i) => [n, palette[i % palette.length]])];
  const value = (p, k) => (k === "total" ? p.total : (p.terms || {})[k]);
  const values = points.flatMap((p) => series.map(([k]) => value(p, k))).filter((v) => v > 0);
  const lo = Math.log10(Math.min(...values)), hi = Math.log10(Math.max(...values)) + 1e-9;
  const x0 = points[0].iteration, x1 = points[points.length - 1].iteration || 1;
  series.forEach(([key, colour], n) => {
    g.strokeStyle = colour;
    g.beginPath();
    points.forEach((p, i) => {
      const x = (p.iteration - x0) / Math.max(1, x1 - x0) * (canvas.width - 4) + 2;
      const y = canvas.height - 4 - (Math.log10(Math.max(value(p, key) || 0, 1e-30)) - lo) / (hi - lo) * (canvas.height - 8);
      i === 0 ? g.moveTo(x, y) : g.lineTo(x, y);
    });
    g.stroke();
    g.fillStyle = colour;
    g.fillText(key, 6 + n * 60, 12);
  });
  // The chart in words, for those who cannot see it.
  const last = points[points.length - 1];
  canvas.setAttribute("aria-label", "loss curve over iterations " + x0 + " to " + last.iteration + ": total from "
    + points[0].total.toExponential(2) + " to " + last.total.toExponential(2)
    + names.map((n) => ", " + n + " " + (last.terms[n] || 0).toExponential(2)).join(""));
}

function queueItem(job, i, count, existing) {
  const item = existing || document.createElement("li");
  if (!existing) {
    item.dataset.id = job.id;
    const thumb = new Image();
    thumb.className = "queue-thumb"; thumb.alt = "content image";
    if (!job.spec.content.endsWith(".video")) thumb.src = "/api/uploads/" + job.spec.content + "/thumbnail";
    item.append(thumb, (job.spec.title || job.id) + " ", button("↑", null, "up"), button("↓", null, "down"),
      button("Cancel", null, "cancel"));
    item.querySelector(".up").setAttribute("aria-label", "run earlier");
    item.querySelector(".down").setAttribute("aria-label", "run later");
  }
  const up = item.querySelector(".up");
  const down = item.querySelector(".down");
  up.disabled = i === 0;
  down.disabled = i === count - 1;
  up.onclick = () => move(job, i - 1);
  down.onclick = () => move(job, i + 1);
  item.querySelector(".cancel").onclick = () => api("POST", "/api/jobs/" + job.id + "/cancel").catch((e) => notice(e.message));
  return item;
}

async function move(job, position) {
  try {
    const jobs = await api("POST", "/api/jobs/" + job.id + "/move", JSON.stringify({ position }), { "Content-Type": "application/json" });
    state.order = jobs.filter((j) => j.state === "QUEUED").map((j) => j.id);
    render();
  } catch (e) {
    notice(e.message);
  }
}

function button(text, onclick, className) {
  const b = document.createElement("button");
  b.type = "button"; b.textContent = text; b.onclick = onclick;
  if (className) b.className = className;
  return b;
}

function card(job, existing) {
  const key = job.state + ":" + job.hasResult + ":" + job.finishedMillis;
  if (existing && existing.dataset.key === key) return existing;
  const c = document.createElement("div");
  c.className = "card"; c.dataset.id = job.id; c.dataset.key = key; c.dataset.state = job.state;
  if (job.hasResult && job.kind === "video") {
    const player = document.createElement("video");
    player.className = "result"; player.controls = true; player.loop = true;
    player.src = "/api/jobs/" + job.id + "/result?v=" + job.finishedMillis;
    c.append(player);
  } else if (job.hasResult) {
    // A small picture on the card; the full size beside the photo on a click.
    const open = document.createElement("button");
    open.type = "button"; open.className = "view"; open.setAttribute("aria-label", "view " + (job.spec.title || job.id)
      + " full size beside its photo");
    const img = new Image();
    img.className = "result"; img.alt = "result of " + (job.spec.title || job.id);
    img.src = "/api/jobs/" + job.id + "/thumbnail?v=" + job.finishedMillis;
    open.append(img);
    open.onclick = () => openViewer(job);
    c.append(open);
  }
  const head = document.createElement("div");
  const name = document.createElement("div");
  name.className = "title"; name.textContent = job.spec.title || job.id;
  const stateText = document.createElement("span");
  stateText.className = "state"; stateText.textContent = job.state.toLowerCase();
  head.append(name, stateText, (job.spec.title ? " " + job.id : "") + (job.message ? " — " + job.message : ""));
  const inputs = document.createElement("div");
  inputs.className = "inputs";
  [job.spec.content, ...job.spec.styles].forEach((id, n) => {
    if (id.endsWith(".video")) { inputs.append("video "); return; }
    const img = new Image(); img.src = "/api/uploads/" + id + "/thumbnail";
    img.alt = n === 0 ? "content image" : "style image " + n;
    inputs.append(img, " ");
  });
  const settings = document.createElement("div");
  settings.className = "muted";
  const weights = job.spec.styleWeights && job.spec.styleWeights.length ? "blend " + job.spec.styleWeights.join(" : ") : "";
  const masks = job.spec.masks && job.spec.masks.some((m) => m) ? "masks" : "";
  settings.textContent = [job.spec.network, job.spec.preset, weights, masks, describe(job.spec.options),
    "seed " + job.spec.seed].filter((s) => s).join(" · ");
  const command = document.createElement("textarea");
  command.className = "command"; command.readOnly = true; command.hidden = true; command.value = job.command;
  const buttons = document.createElement("div");
  buttons.className = "buttons";
  buttons.append(button("Copy CLI command", () => {
    command.hidden = false;
    command.select();
    (navigator.clipboard ? navigator.clipboard.writeText(job.command) : Promise.reject()).catch(() => document.execCommand("copy"));
  }, "copy"));
  if (job.hasResult) {
    const download = document.createElement("a");
    download.className = "download"; download.textContent = "Download";
    download.href = "/api/jobs/" + job.id + "/result?download=1";
    buttons.append(download);
  }
  buttons.append(button("Use these settings", () => useSettings(job), "reuse"));
  buttons.append(button("Delete", () => deleteWithUndo(job), "delete"));
  c.append(head, inputs, settings, notesOf(job), buttons, command);
  return c;
}

// What the run said to its user (a note, a warning), as the command line prints it.
function notesOf(job) {
  const list = document.createElement("ul");
  list.className = "notes";
  list.hidden = !(job.notes && job.notes.length);
  for (const line of job.notes || []) {
    const item = document.createElement("li");
    item.textContent = line;
    list.append(item);
  }
  return list;
}

// A picture the program made carries how it was made: its network and options go into the form.
async function useSettingsOf(file) {
  notice("");
  try {
    const uploaded = await upload(file);
    const settings = await api("GET", "/api/uploads/" + uploaded.id + "/settings");
    if (settings.network) $("network").value = settings.network;
    $("strength").value = "0"; $("stroke").value = "0"; $("keep-colours").checked = false;
    showLook();
    for (const input of document.querySelectorAll("#option-form [data-option]")) {
      const value = settings.options[input.dataset.option];
      if (input.type === "checkbox") input.checked = flagValue(input, value);
      else input.value = value || "";
    }
    $("all-options").open = true;
    saveForm();
    $("announce").textContent = "Settings of " + file.name + " loaded; choose the photo and paintings.";
  } catch (e) {
    notice(file.name + ": " + e.message);
  }
}

// The result full size with its photo under it: the slider moves the line between before and after.
function openViewer(job) {
  const viewer = $("viewer");
  $("viewer-title").textContent = job.spec.title || job.id;
  $("viewer-photo").src = "/api/uploads/" + job.spec.content;
  $("viewer-result").src = "/api/jobs/" + job.id + "/result?v=" + job.finishedMillis;
  const split = $("viewer-split");
  split.value = "50";
  const show = () => { $("viewer-result").style.clipPath = "inset(0 0 0 " + split.value + "%)"; };
  split.oninput = show;
  show();
  $("viewer-close").onclick = () => viewer.close();
  viewer.showModal();
}

// Delete waits a few seconds with an Undo: the card goes at once, the job only when the time is up.
const UNDO_SECONDS = 6;
function deleteWithUndo(job) {
  state.hidden.add(job.id);
  render();
  const box = $("undo");
  box.replaceChildren("Deleted " + (job.spec.title || job.id) + ". ", button("Undo", () => {
    clearTimeout(timer);
    state.hidden.delete(job.id);
    box.hidden = true;
    render();
  }, "undo"));
  box.hidden = false;
  const timer = setTimeout(async () => {
    box.hidden = true;
    try {
      await api("DELETE", "/api/jobs/" + job.id);
      state.jobs.delete(job.id);
    } catch (e) {
      notice(e.message);
    }
    state.hidden.delete(job.id);
    render();
  }, UNDO_SECONDS * 1000);
}

// A past job's settings back in the form: its pictures, weights, masks, network, preset and options.
function useSettings(job) {
  const names = (job.spec.title || "").split(/ × | \+ /);
  state.content = { id: job.spec.content, kind: job.kind, name: names[0] || job.spec.content };
  const thumb = $("content-thumb");
  thumb.hidden = job.kind === "video";
  if (job.kind !== "video") thumb.src = "/api/uploads/" + job.spec.content + "/thumbnail";
  state.styles = job.spec.styles.map((id, i) => ({ id, weight: (job.spec.styleWeights || [])[i] || 1,
    mask: (job.spec.masks || [])[i] || null, name: names[i + 1] || id }));
  renderStyles();
  $("network").value = job.spec.network || $("network").value;
  if (job.spec.preset) $("preset").value = job.spec.preset;
  $("strength").value = "0"; $("stroke").value = "0"; $("keep-colours").checked = false;
  showLook();
  buildOptions(job.kind === "video" ? state.catalogue.videoOptions : state.catalogue.options);
  for (const input of document.querySelectorAll("#option-form [data-option]")) {
    const value = job.spec.options[input.dataset.option];
    if (input.type === "checkbox") input.checked = flagValue(input, value);
    else input.value = value || "";
  }
  saveForm();
  $("new-job").scrollIntoView();
}

// The form survives a reload: what was chosen is kept in the browser.
function saveForm() {
  try {
    localStorage.setItem("studio-form", JSON.stringify({ content: state.content, styles: state.styles,
      network: $("network").value, preset: $("preset").value, strength: $("strength").value, stroke: $("stroke").value,
      keepColours: $("keep-colours").checked, options: formOptions() }));
  } catch (e) { /* private browsing: nothing kept */ }
}

function restoreForm() {
  let saved;
  try { saved = JSON.parse(localStorage.getItem("studio-form") || "null"); } catch (e) { saved = null; }
  if (!saved) return;
  if (saved.content) {
    state.content = saved.content;
    const video = saved.content.kind === "video";
    $("content-thumb").hidden = video;
    if (!video) $("content-thumb").src = "/api/uploads/" + saved.content.id + "/thumbnail";
    buildOptions(video ? state.catalogue.videoOptions : state.catalogue.options);
  }
  state.styles = saved.styles || [];
  renderStyles();
  if (saved.network) $("network").value = saved.network;
  if (saved.preset) $("preset").value = saved.preset;
  $("strength").value = saved.strength || "0";
  $("stroke").value = saved.stroke || "0";
  $("keep-colours").checked = !!saved.keepColours;
  showLook();
  for (const input of document.querySelectorAll("#option-form [data-option]")) {
    const value = (saved.options || {})[input.dataset.option];
    if (input.type === "checkbox") input.checked = flagValue(input, value);
    else if (value !== undefined) input.value = value;
  }
  saveForm();
}

function listen() {
  const events = new EventSource("/api/events");
  events.onopen = () => {
    $("connection").textContent = "connected";
    // Images that failed while the server was away load again.
    document.querySelectorAll("img").forEach((img) => {
      if (img.src && img.complete && img.naturalWidth === 0) {
        const url = new URL(img.src);
        url.searchParams.set("r", Date.now());
        img.src = url.toString();
      }
    });
    refresh();
  };
  events.onerror = () => { $("connection").textContent = "reconnecting…"; };
  events.addEventListener("job", (e) => {
    const job = JSON.parse(e.data);
    const before = state.jobs.get(job.id);
    state.jobs.set(job.id, job);
    if (!before || before.state !== job.state) announce(job);
    render();
  });
  events.addEventListener("order", (e) => { state.order = JSON.parse(e.data); render(); });
  events.addEventListener("deleted", (e) => { state.jobs.delete(JSON.parse(e.data).id); render(); });
}

async function refresh() {
  const jobs = await api("GET", "/api/jobs");
  state.jobs = new Map(jobs.map((j) => [j.id, j]));
  state.order = jobs.filter((j) => j.state === "QUEUED").map((j) => j.id);
  render();
}

async function main() {
  // The inputs work from the first moment; the options arrive when the server answers.
  $("content-file").onchange = (e) => e.target.files[0] && chooseContent(e.target.files[0]);
  $("style-files").onchange = (e) => { addStyles([...e.target.files]); e.target.value = ""; };
  dropZone($("content-drop"), (files) => files[0] && chooseContent(files[0]));
  dropZone($("style-drop"), addStyles);
  $("settings-file").onchange = (e) => { if (e.target.files[0]) useSettingsOf(e.target.files[0]); e.target.value = ""; };
  dropZone($("settings-drop"), (files) => files[0] && useSettingsOf(files[0]));
  $("start").onclick = start;
  $("strength").oninput = showLook;
  $("stroke").oninput = showLook;
  showLook();
  $("new-job").addEventListener("change", saveForm);
  $("new-job").addEventListener("change", showLook);
  try {
    state.catalogue = await api("GET", "/api/options");
    buildForm(state.catalogue);
    restoreForm();
    showLook();
    await refresh();
  } catch (e) {
    return notice(e.message);
  }
  listen();
  document.body.dataset.ready = "true";
}

main();
