// A shared groove's page (and its embed): plays the server's render of the loop in Web Audio,
// looped at the exact length of its bars, and follows the options form by asking the server for
// the page again (the grid, the facts and the audio all come from the server). Without this
// script the page still shows everything and plays through the browser's own <audio> player.
'use strict';
(function () {
  const main = document.getElementById('groove');
  const button = document.getElementById('play');
  const status = document.getElementById('player-state');
  const fallback = document.getElementById('fallback');
  if (!main || !button || !(window.AudioContext || window.webkitAudioContext)) {
    return;
  }
  const text = (name) => main.dataset['s' + name.charAt(0).toUpperCase() + name.slice(1)] || name;
  // What plays, for the page's own tests and for anyone curious (read only).
  const state = window.bandmateGroove = {
    state: 'stopped', audioUrl: main.dataset.audio, loopSeconds: Number(main.dataset.loopSeconds),
    bufferSeconds: 0, bufferFrames: 0, sampleRate: 0, loopEnd: 0, switches: 0, error: '',
  };
  let context = null;
  let source = null;
  let startedAt = 0;      // context time when the current loop's bar 1 started
  let counted = false;    // one play counted per page view
  let loading = 0;        // requests in flight get a number; only the newest one counts
  const buffers = new Map();

  if (fallback) {
    const audio = fallback.querySelector('audio');
    if (audio) { audio.pause(); audio.removeAttribute('src'); audio.load(); }
    fallback.hidden = true;
  }
  button.hidden = false;

  function show(name, detail) {
    state.state = name;
    main.dataset.state = name;
    button.textContent = name === 'playing' || name === 'loading' ? text('stop') : text('play');
    status.textContent = detail || (name === 'loading' ? text('loading') : name === 'playing' ? text('playing') : '');
    status.classList.toggle('bad', name === 'failed');
  }

  let downloading = null;  // the AbortController of the loop being downloaded
  async function load(url) {
    if (buffers.has(url)) {
      return buffers.get(url);
    }
    if (downloading) {
      downloading.abort();  // only the newest loop is wanted
    }
    const controller = downloading = new AbortController();
    let response;
    for (let attempt = 0; ; attempt += 1) {
      response = await fetch(url, { credentials: 'same-origin', signal: controller.signal });
      // Busy rendering (503) or this network asked for many new renders (429): wait as told.
      const wait = Number(response.headers.get('Retry-After')) || 1;
      if ((response.status !== 503 && response.status !== 429) || attempt >= 5 || wait > 10) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    }
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    const buffer = await context.decodeAudioData(await response.arrayBuffer());
    buffers.clear();  // keep one: a loop is a few megabytes
    buffers.set(url, buffer);
    return buffer;
  }

  // Starts `buffer` looping at `loopSeconds` (the exact bars, not the file's own length), from
  // `position` (0..1 of the loop) so a change keeps the musical place.
  function start(buffer, loopSeconds, position) {
    const next = context.createBufferSource();
    next.buffer = buffer;
    next.loop = true;
    next.loopStart = 0;
    next.loopEnd = Math.min(loopSeconds, buffer.duration);
    next.connect(context.destination);
    const when = context.currentTime + 0.03;
    const offset = position * next.loopEnd;
    next.start(when, offset);
    if (source) {
      source.stop(when);
    }
    source = next;
    startedAt = when - offset;
    Object.assign(state, {
      bufferSeconds: buffer.duration, bufferFrames: buffer.length, sampleRate: buffer.sampleRate, loopEnd: next.loopEnd,
      loopSeconds: loopSeconds,
    });
  }

  // The playhead: the column now playing is outlined (the grid spans the loop's steps).
  let lit = [];
  function drawPlayhead() {
    for (const cell of lit) cell.classList.remove('now');
    lit = [];
    if (state.state === 'playing' && source) {
      const grid = main.querySelector('.grid');
      const columns = Number(grid && grid.dataset.columns) || 0;
      const loopSteps = Number(main.dataset.loopSteps) || columns;
      if (columns > 0) {
        const step = Math.floor(position() * loopSteps) % columns;
        for (const row of grid.querySelectorAll('.steps')) {
          const cell = row.children[step % row.children.length];
          if (cell) { cell.classList.add('now'); lit.push(cell); }
        }
      }
    }
    requestAnimationFrame(drawPlayhead);
  }

  function position() {
    if (!source || !context) {
      return 0;
    }
    const loop = source.loopEnd || 1;
    return (((context.currentTime - startedAt) % loop) + loop) % loop / loop;
  }

  async function play() {
    const ticket = ++loading;
    show('loading');  // at once: a second tap while it loads is a Stop, not a second download
    if (!context) {
      // At the render's own rate: the loop's samples play as the server made them.
      const Context = window.AudioContext || window.webkitAudioContext;
      try {
        context = new Context({ sampleRate: Number(main.dataset.sampleRate) || undefined });
      } catch {
        context = new Context();
      }
    }
    await context.resume();
    try {
      const buffer = await load(main.dataset.audio);
      if (ticket !== loading) {
        return;
      }
      start(buffer, Number(main.dataset.loopSeconds), 0);
      state.audioUrl = main.dataset.audio;
      show('playing');
      if (!counted && main.dataset.playCount) {
        counted = true;
        fetch(main.dataset.playCount, { method: 'POST', keepalive: true }).catch(() => {});
      }
    } catch (error) {
      if (ticket === loading) {
        state.error = String(error);
        show('failed', text('failed'));
      }
    }
  }

  function stop() {
    ++loading;
    if (downloading) {
      downloading.abort();
      downloading = null;
    }
    if (source) {
      source.stop();
      source = null;
    }
    show('stopped');
  }

  button.addEventListener('click', () => {
    if (state.state === 'playing' || state.state === 'loading') {
      stop();
    } else {
      play();
    }
  });
  document.addEventListener('keydown', (event) => {
    // Space plays and stops, as in Bandmate, unless typing in a field.
    if (event.code === 'Space' && !event.target.closest('input, select, textarea, button, a')) {
      event.preventDefault();
      button.click();
    }
  });

  // The options: the server renders the page and the loop for them; this swaps them in.
  const form = document.getElementById('options');
  async function apply() {
    const query = new URLSearchParams(new FormData(form)).toString();
    const url = form.getAttribute('action') + '?' + query;
    const ticket = ++loading;
    const wasPlaying = state.state === 'playing' || state.state === 'loading';
    const place = position();
    try {
      const response = await fetch(url, { credentials: 'same-origin' });
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const fresh = page.getElementById('groove');
      if (ticket !== loading) {
        return;
      }
      if (!response.ok || !fresh) {
        // Removed meanwhile (410), too many changes from this network (429), …: say so.
        const heading = page.querySelector('h1');
        throw new Error(heading ? heading.textContent : 'HTTP ' + response.status);
      }
      for (const selector of ['.facts', '.grid', '.downloads']) {
        const now = main.querySelector(selector);
        const then = fresh.querySelector(selector);
        if (now && then) {
          now.replaceWith(then);
        }
      }
      // The server's note on options it could not use comes and goes with them.
      const oldNote = main.querySelector('.note.bad');
      const newNote = fresh.querySelector('.note.bad');
      if (oldNote) {
        oldNote.remove();
      }
      if (newNote) {
        main.querySelector('.facts').before(newNote);
      }
      // The fields say what plays (a tempo past the limits plays at the limit).
      for (const field of fresh.querySelectorAll('#options input, #options select')) {
        const here = form.elements.namedItem(field.name);
        if (!here || here === document.activeElement) {
          continue;
        }
        if (field.type === 'checkbox') {
          here.checked = field.checked;
        } else {
          here.value = field.value;
        }
      }
      main.dataset.audio = fresh.dataset.audio;
      main.dataset.loopSeconds = fresh.dataset.loopSeconds;
      main.dataset.bars = fresh.dataset.bars;
      history.replaceState(null, '', url);
      if (wasPlaying && context) {
        show('loading');
        const buffer = await load(main.dataset.audio);
        if (ticket !== loading) {
          return;
        }
        start(buffer, Number(main.dataset.loopSeconds), place);
        state.audioUrl = main.dataset.audio;
        state.switches += 1;
        show('playing');
      } else {
        state.audioUrl = main.dataset.audio;
        state.loopSeconds = Number(main.dataset.loopSeconds);
      }
    } catch (error) {
      if (ticket === loading) {
        state.error = String(error);
        if (source) {
          source.stop();  // what played no longer matches what the page shows
          source = null;
        }
        show('failed', text('failed') + ' ' + (error && error.message ? error.message : ''));
      }
    }
  }
  // Changes settle before the server is asked: a tempo changed click by click is one render.
  let settle = null;
  function applySoon() {
    clearTimeout(settle);
    settle = setTimeout(apply, 400);
  }
  if (form) {
    form.addEventListener('submit', (event) => { event.preventDefault(); clearTimeout(settle); apply(); });
    form.addEventListener('change', applySoon);
  }
  show('stopped');
  requestAnimationFrame(drawPlayhead);
})();
