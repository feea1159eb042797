// Shared grooves in a real browser (issue 20): Debian's Chromium driven by playwright-core against
// a real bandmate-server on 127.0.0.1 that renders with Bandmate's own engine. A public link
// opened with no account shows the grid and plays a loop of exactly its bars; flipping the
// clave and changing the tempo re-render on the server and keep playing; the page without
// JavaScript shows the grid, the player and the downloads; an unlisted link works, a private one
// is 404; the embed page may be framed. Screenshots (desktop and phone) go to OUT_DIR.
//
// Usage: node groove.mjs SERVER_BINARY OUT_DIR   (tests/web/run.sh)
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { api, check, launchChromium, phone, result, signIn, startServer } from './common.mjs';

const [serverBinary, outDir] = process.argv.slice(2);
if (!serverBinary || !outDir) {
  console.error('usage: node groove.mjs SERVER_BINARY OUT_DIR');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const work = mkdtempSync(path.join(tmpdir(), 'bandmate-web-'));
const here = path.dirname(new URL(import.meta.url).pathname);
const salsa = readFileSync(path.join(here, '..', '..', 'resources', 'machines', 'salsa.xml'), 'utf8');

const { server, base } = await startServer(serverBinary, work);
let browser;
try {
  const token = await signIn(base, 'ana@example.org', 'montuno-en-sol-1');
  const share = (visibility, extra = {}) =>
    api(base, 'POST', '/v1/grooves', token, {
      machine: salsa, title: 'Montuno <en> Sol', author: 'Ana & the "Band"', visibility, licence: 'cc-by-sa-4.0',
      description: 'Piano montuno over a 2-3 clave.\nTry 3-2 too.', tags: ['salsa', 'son montuno'], ...extra,
    });
  const shared = await share('public');
  check(shared.status === 201 && /^[a-z2-7]{26}$/.test(shared.json.id), 'the author shares a groove (' + shared.status + ')');
  const unlisted = await share('unlisted');
  const hidden = await share('private');
  const { id } = shared.json;

  browser = await launchChromium();
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await desktop.newPage();
  let bytesBeforeAudio = 0;
  page.on('response', async (response) => {
    if (!response.url().includes('.wav')) {
      try { bytesBeforeAudio += (await response.body()).length; } catch { /* a redirect has no body */ }
    }
  });
  const opened = await page.goto(base + '/g/' + id);
  check(opened.status() === 200, 'a public link opens with no account');
  check((await page.textContent('h1')) === 'Montuno <en> Sol', 'the title is shown as written (escaped, not markup)');
  check((await page.textContent('header')).includes('Ana & the "Band"'), 'the author is shown');
  check((await page.textContent('.licence')).includes('CC BY-SA 4.0'), 'the licence is shown');
  const rows = await page.locator('.grid tr').count();
  check(rows === 7, 'the grid has one row per enabled instrument (' + rows + ')');
  const notes = await page.locator('.grid .c.n1, .grid .c.n2, .grid .c.n3').count();
  check(notes > 20, 'the grid marks the notes (' + notes + ')');
  const headers = opened.headers();
  check(/frame-ancestors 'none'/.test(headers['content-security-policy'] || ''), 'the page may not be framed');
  check(await page.isHidden('#fallback'), "with JavaScript the browser's own player is replaced");

  const started = Date.now();
  await page.click('#play');
  await page.waitForFunction(() => window.bandmateGroove && window.bandmateGroove.state === 'playing', null, { timeout: 20000 });
  const firstSound = Date.now() - started;
  const playing = await page.evaluate(() => ({ ...window.bandmateGroove }));
  const bars = Number(await page.getAttribute('#groove', 'data-bars'));
  const expected = (bars * 4 * 60) / 180;  // salsa.xml: 180 BPM, 4/4
  check(Math.abs(playing.loopEnd - expected) <= 1 / 48000, 'the loop is exactly ' + bars + ' bars at 180 BPM (' + playing.loopEnd + ' s)');
  check(playing.bufferFrames === Math.round(expected * 48000) && playing.sampleRate === 48000,
        "the server's audio holds exactly those bars (" + playing.bufferFrames + ' frames at ' + playing.sampleRate + ' Hz)');
  check(bytesBeforeAudio < 100 * 1024, 'the page weighs ' + Math.round(bytesBeforeAudio / 1024) + ' KB before its audio (aim < 100 KB)');
  console.log('time to first sound on loopback: ' + firstSound + ' ms (first render included)');
  await page.screenshot({ path: path.join(outDir, 'groove-desktop.png'), fullPage: true });

  // Flip the clave: the server renders the other direction; the grid and the sound follow.
  const gridBefore = await page.innerHTML('.grid');
  await page.selectOption('select[name=clave]', '3-2');
  await page.waitForFunction(() => window.bandmateGroove.switches >= 1 && window.bandmateGroove.state === 'playing', null, { timeout: 20000 });
  const flipped = await page.evaluate(() => ({ ...window.bandmateGroove }));
  check(flipped.audioUrl.includes('clave=3-2'), 'flipping the clave plays the 3-2 render (' + flipped.audioUrl + ')');
  check((await page.innerHTML('.grid')) !== gridBefore, 'the grid shows the clave flipped');
  check((await page.textContent('.facts')).includes('clave 3-2'), 'the facts say 3-2');
  check(page.url().includes('clave=3-2'), 'the address names the combination (a link to share)');

  await page.fill('input[name=tempo]', '120');
  await page.press('input[name=tempo]', 'Enter');
  await page.waitForFunction(() => window.bandmateGroove.switches >= 2 && window.bandmateGroove.state === 'playing', null, { timeout: 20000 });
  const slower = await page.evaluate(() => ({ ...window.bandmateGroove }));
  const bars120 = Number(await page.getAttribute('#groove', 'data-bars'));
  check(Math.abs(slower.loopEnd - (bars120 * 4 * 60) / 120) <= 1 / 48000 && slower.bufferFrames === Math.round(((bars120 * 4 * 60) / 120) * 48000),
        'at 120 BPM the loop is ' + slower.loopEnd + ' s and the audio as long');
  await page.click('#play');
  await page.waitForFunction(() => window.bandmateGroove.state === 'stopped');
  check(true, 'Stop stops');
  const plays = await api(base, 'GET', '/v1/grooves/' + id, token);
  check(plays.json.plays === 1, 'pressing play counted one play (' + plays.json.plays + ')');

  const onPhone = await (await browser.newContext(phone)).newPage();
  await onPhone.goto(base + '/g/' + id);
  const overflow = await onPhone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, 'the phone page does not scroll sideways (the grid scrolls inside its box)');
  await onPhone.screenshot({ path: path.join(outDir, 'groove-phone.png'), fullPage: true });

  // Without JavaScript: the grid, the browser's player, the downloads, and the options as a form.
  const noScript = await (await browser.newContext({ ...phone, javaScriptEnabled: false, locale: 'es-ES' })).newPage();
  await noScript.goto(base + '/g/' + id);
  check(await noScript.isVisible('.grid'), 'without JavaScript the grid is there');
  check(await noScript.isVisible('#fallback audio'), "without JavaScript the browser's own player plays the loop");
  const links = await noScript.$$eval('.downloads a', (anchors) => anchors.map((a) => a.getAttribute('href')));
  check(links.some((l) => l.endsWith('/machine.xml')) && links.some((l) => l.includes('/groove.mid')) && links.some((l) => l.includes('loop.wav')),
        'the downloads are offered: XML, MIDI, WAV');
  check((await noScript.textContent('#downloads-title')) === 'Descargas', 'the page speaks Spanish to a Spanish browser');
  await noScript.selectOption('select[name=clave]', '3-2');
  await Promise.all([noScript.waitForNavigation(), noScript.click('#options button[type=submit]')]);
  check((await noScript.textContent('.facts')).includes('clave 3-2'), 'without JavaScript the options form reloads the page with 3-2');
  await noScript.screenshot({ path: path.join(outDir, 'groove-phone-noscript-es.png'), fullPage: true });

  const xml = await fetch(base + links.find((l) => l.endsWith('/machine.xml')));
  check(xml.status === 200 && (await xml.text()).includes('salsabeatmachine.org'), 'the machine file downloads');

  const other = await (await browser.newContext(phone)).newPage();
  check((await other.goto(base + '/g/' + unlisted.json.id)).status() === 200, 'an unlisted link opens');
  check((await other.goto(base + '/g/' + hidden.json.id)).status() === 404, 'a private groove is 404 to others');
  const embed = await other.goto(base + '/g/' + id + '/embed');
  const embedHeaders = embed.headers();
  check(embed.status() === 200 && /frame-ancestors \*/.test(embedHeaders['content-security-policy']) && !embedHeaders['x-frame-options'],
        'the embed page may be framed by another site');

  await api(base, 'POST', '/v1/grooves/' + id + '/unshare', token);
  check((await other.goto(base + '/g/' + id)).status() === 410, 'an unshared groove says it was removed');
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
