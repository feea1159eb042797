// The fan page's live parts: the tally over Server-Sent Events (EventSource reconnects and
// resumes with Last-Event-ID by itself), and voting without a page reload. Without this file
// the page works as a plain form.
'use strict';
(function () {
  const root = document.getElementById('poll');
  if (!root || !window.EventSource || !window.fetch) {
    return;
  }
  const live = document.getElementById('live');
  const ballots = document.getElementById('ballots');
  const closedNote = document.getElementById('closed');
  const feedback = document.getElementById('feedback');
  const voteForm = document.getElementById('vote');
  const fieldset = voteForm ? voteForm.querySelector('fieldset') : null;
  let source = null;
  let state = root.dataset.state;
  let tallyShown = false;

  function setLive(text, cls) {
    live.textContent = text;
    live.className = 'live ' + cls;
  }

  function say(text, ok) {
    feedback.textContent = text;
    feedback.className = 'note ' + (ok ? 'ok' : 'bad');
    feedback.hidden = !text;
  }

  function plural(count) {
    return count === 1 ? root.dataset.ballotsOne : root.dataset.ballots.replace('%1', String(count));
  }

  function update(data) {
    const keys = Array.from(root.querySelectorAll('.options li')).map((li) => li.dataset.key);
    const incoming = data.options.map((o) => o.key);
    if (incoming.join('\n') !== keys.join('\n')) {
      window.location.reload(); // the band listed a suggestion: the page has a new song
      return;
    }
    const counted = data.options.some((o) => typeof o.votes === 'number');
    const most = Math.max(1, ...data.options.map((o) => o.votes || 0));
    for (const option of data.options) {
      const li = root.querySelector('.options li[data-key="' + CSS.escape(option.key) + '"]');
      const tally = li.querySelector('.tally');
      tally.hidden = !counted;
      if (counted) {
        const bar = tally.querySelector('progress');
        bar.max = most;
        bar.value = option.votes;
        bar.textContent = String(option.votes);
        tally.querySelector('.count').textContent = String(option.votes);
      }
    }
    if (typeof data.ballots === 'number') {
      ballots.textContent = plural(data.ballots);
    }
    if (data.state !== state) {
      state = data.state;
      root.dataset.state = state;
      closedNote.hidden = state !== 'closed';
      if (fieldset) {
        fieldset.disabled = state !== 'open';
      }
      const suggest = document.getElementById('suggest');
      if (suggest) {
        suggest.hidden = state === 'closed';
      }
      connect(); // what this fan may see can change with the state
    }
    tallyShown = counted;
  }

  function connect() {
    if (source) {
      source.close();
    }
    source = new EventSource(root.dataset.events);
    source.addEventListener('tally', (event) => update(JSON.parse(event.data)));
    source.onopen = () => setLive(root.dataset.live, 'on');
    source.onerror = () => setLive(root.dataset.reconnecting, 'off');
  }

  function send(form, after) {
    const body = new URLSearchParams(new FormData(form));
    return fetch(form.action, {
      method: 'POST',
      body: body,
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    })
      .then((response) => {
        if (response.status === 403) {
          // The page's token no longer fits this phone's cookie: a fresh page says why.
          window.location.assign(window.location.pathname + '?error=' + (document.cookie === '' && !navigator.cookieEnabled ? 'cookies' : 'expired'));
          return new Promise(() => {});
        }
        return response.json().then((answer) => ({ ok: response.ok, answer: answer }));
      })
      .then(({ ok, answer }) => {
        say(answer.message || '', ok);
        if (ok && after) {
          after(answer);
        }
      })
      .catch(() => say(root.dataset.offline, false));
  }

  if (voteForm) {
    voteForm.addEventListener('submit', (event) => {
      event.preventDefault();
      send(voteForm, (answer) => {
        const chosen = new Set(answer.ballot || []);
        for (const li of root.querySelectorAll('.options li')) {
          li.classList.toggle('chosen', chosen.has(li.dataset.key));
        }
        if (answer.button) {
          voteForm.querySelector('button[type="submit"]').textContent = answer.button;
        }
        if (answer.tally_visible && !tallyShown) {
          connect(); // results shown after voting: this fan may see them now
        }
      });
    });
  }
  const suggestForm = document.getElementById('suggest');
  if (suggestForm) {
    suggestForm.addEventListener('submit', (event) => {
      event.preventDefault();
      send(suggestForm, () => suggestForm.reset());
    });
  }
  connect();
})();
