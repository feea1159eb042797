// Fan voting in a real browser (issue 19): Debian's Chromium driven by playwright-core against a
// real bandmate-server on 127.0.0.1. Two fans on phone-sized pages and the musician's live
// stream: a vote moves the other fan's tally and the musician's; the page works without
// JavaScript; closing the poll shows the closed state everywhere. Screenshots go to OUT_DIR.
//
// Usage: node fan-vote.mjs SERVER_BINARY OUT_DIR   (tests/web/run.sh installs playwright-core
// from package-lock.json into NODE_MODULES_DIR and runs it: no browser download)
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { api, check, launchChromium, phone, result, startServer, waitFor } from './common.mjs';

const [serverBinary, outDir] = process.argv.slice(2);
if (!serverBinary || !outDir) {
  console.error('usage: node fan-vote.mjs SERVER_BINARY OUT_DIR');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const work = mkdtempSync(path.join(tmpdir(), 'bandmate-web-'));

/// The musician's live tally as the desktop reads it: the poll's owner stream (SSE).
async function ownerStream(base, token, id) {
  const controller = new AbortController();
  const response = await fetch(base + '/v1/polls/' + id + '/events', {
    headers: { Authorization: 'Bearer ' + token, Accept: 'text/event-stream' },
    signal: controller.signal,
  });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const latest = { poll: null, updates: 0 };
  (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('');
          if (data) {
            latest.poll = JSON.parse(data);
            latest.updates += 1;
          }
        }
      }
    } catch {
      // aborted at the end
    }
  })();
  return { latest, stop: () => controller.abort() };
}

const { server, base } = await startServer(serverBinary, work);
let browser;
try {
  await api(base, 'POST', '/v1/auth/register', null, { email: 'band@example.org', password: 'salsa-dura-1978' });
  const login = await api(base, 'POST', '/v1/auth/login', null, { email: 'band@example.org', password: 'salsa-dura-1978' });
  const token = login.json.access_token;
  const created = await api(base, 'POST', '/v1/polls', token, {
    show_id: 'show-1',
    band: 'La Sonora',
    show: 'Friday at Blå · 2026-12-11',
    question: 'Which two songs for the encore?',
    votes_per_fan: 2,
    suggestions: true,
    open_now: true,
    songs: [
      { id: 'a', title: 'Quimbara', artist: 'Celia Cruz' },
      { id: 'b', title: 'Pedro Navaja', artist: 'Rubén Blades' },
      { id: 'c', title: 'El Cantante', artist: 'Héctor Lavoe' },
      { id: 'd', title: 'Oye Como Va', artist: 'Tito Puente' },
    ],
  });
  check(created.status === 201, 'the musician creates a poll (' + created.status + ')');
  const { id, code } = created.json;
  const owner = await ownerStream(base, token, id);

  browser = await launchChromium();
  const first = await browser.newContext(phone);
  const second = await browser.newContext({ ...phone, locale: 'es-ES' });
  const noScript = await browser.newContext({ ...phone, javaScriptEnabled: false, locale: 'nb-NO' });
  const fanA = await first.newPage();
  const fanB = await second.newPage();
  await fanA.goto(base + '/v/' + code);
  await fanB.goto(base + '/v/' + code);
  await fanB.waitForSelector('#live.on', { timeout: 5000 });
  check((await fanB.textContent('h1')) === 'Which two songs for the encore?', 'the fan page shows the question');
  check((await fanB.getAttribute('html', 'lang')) === 'es', 'a Spanish phone gets the page in Spanish');
  const countB = () => fanB.textContent('li[data-key="b"] .count');

  // Fan A votes by tapping two songs and Vote; fan B's page and the musician's tally move. The
  // times are taken in the pages (the form's submit, fan B's count changing), not by the driver.
  await fanA.evaluate(() => {
    document.getElementById('vote').addEventListener('submit', () => { window.submittedAt = Date.now(); }, { capture: true });
  });
  await fanB.evaluate(() => {
    const count = document.querySelector('li[data-key="b"] .count');
    new MutationObserver(() => {
      if (count.textContent === '1' && !window.changedAt) window.changedAt = Date.now();
    }).observe(count, { childList: true, characterData: true, subtree: true });
  });
  await fanA.tap('li[data-key="b"] label');
  await fanA.tap('li[data-key="d"] label');
  await fanA.tap('button.primary');
  await fanA.waitForSelector('#feedback.ok', { timeout: 5000 });
  check((await fanA.textContent('#feedback')).startsWith('Your vote is in'), 'fan A sees the vote taken');
  check((await fanA.getAttribute('li[data-key="b"]', 'class')) === 'chosen', 'fan A sees the chosen songs marked');
  await fanB.waitForFunction(() => window.changedAt, null, { timeout: 5000 });
  const toFan = (await fanB.evaluate(() => window.changedAt)) - (await fanA.evaluate(() => window.submittedAt));
  const ownerAt = await waitFor(() => owner.latest.poll && owner.latest.poll.ballots === 1, 5000);
  check(toFan >= 0 && toFan < 1000, "fan B's tally moved within a second of fan A's tap on Vote (" + toFan + ' ms)');
  check(ownerAt >= 0, "the musician's stream got the vote too");
  check((await countB()) === '1', 'fan B sees one vote for Pedro Navaja');
  await fanB.screenshot({ path: path.join(outDir, 'fan-phone-es.png'), fullPage: true });
  await fanA.screenshot({ path: path.join(outDir, 'fan-phone-voted.png'), fullPage: true });

  // Without JavaScript: a plain form post and the page again.
  const fanC = await noScript.newPage();
  await fanC.goto(base + '/v/' + code);
  await fanC.check('li[data-key="b"] input');
  await Promise.all([fanC.waitForNavigation(), fanC.click('button.primary')]);
  check(fanC.url().endsWith('?done=voted'), 'the no-script form comes back to the page (' + fanC.url() + ')');
  check((await fanC.textContent('.note.ok')).startsWith('Stemmen din er registrert'), 'the no-script page says the vote is in, in Norwegian');
  await fanC.screenshot({ path: path.join(outDir, 'fan-phone-noscript-nb.png'), fullPage: true });
  await fanB.waitForFunction(() => document.querySelector('li[data-key="b"] .count').textContent === '2', null, { timeout: 5000 });
  check(true, "fan B's page counted the no-script vote live");

  // A flaky connection: the stream drops and comes back (EventSource resumes).
  await second.setOffline(true);
  await fanB.waitForSelector('#live.off', { timeout: 10000 }).catch(() => {});
  await second.setOffline(false);

  // HTML in a suggestion is text once the band lists it.
  await fanA.fill('#suggestion', '<img src=x onerror=alert(1)> Vivir mi vida');
  await fanA.tap('#suggest button');
  await fanA.waitForFunction(() => document.querySelector('#feedback').textContent.startsWith('Thanks'), null, { timeout: 5000 });
  const pending = (await api(base, 'GET', '/v1/polls/' + id, token)).json.tally.find((row) => row.suggested);
  await api(base, 'POST', '/v1/polls/' + id + '/suggestions/' + encodeURIComponent(pending.song_id), token, { state: 'listed' });
  await fanB.waitForFunction((key) => document.querySelector('li[data-key="' + key + '"]') !== null, pending.song_id, { timeout: 10000 });
  check((await fanB.locator('img[src="x"]').count()) === 0, 'a listed suggestion with HTML shows as text');

  // Closing: every open page shows the closed state; the form is disabled.
  await api(base, 'POST', '/v1/polls/' + id + '/close', token);
  await fanA.waitForSelector('#closed:not([hidden])', { timeout: 5000 });
  await fanB.waitForSelector('#closed:not([hidden])', { timeout: 5000 });
  check(await fanA.isDisabled('button.primary'), 'a closed poll cannot be voted on');
  check(!(await fanA.isVisible('#suggest')), 'a closed poll takes no more suggestions');
  await fanC.reload();
  check(await fanC.isVisible('#closed'), 'the no-script page shows the closed state after a reload');
  check(owner.latest.poll.state === 'closed', "the musician's stream says closed");
  await fanA.screenshot({ path: path.join(outDir, 'fan-phone-closed.png'), fullPage: true });
  owner.stop();
} catch (error) {
  result.failures += 1;
  console.log('FAIL ' + (error && error.stack ? error.stack : error));
} finally {
  if (browser) await browser.close();
  server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
console.log(result.failures === 0 ? 'all passed' : result.failures + ' failed');
process.exit(result.failures === 0 ? 0 : 1);
