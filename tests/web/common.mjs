// What the browser tests share: playwright-core from NODE_MODULES_DIR, a real bandmate-server on
// 127.0.0.1 (any free port), JSON requests, waiting, checks that count failures, and Debian's
// Chromium.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(path.join(process.env.NODE_MODULES_DIR || path.dirname(new URL(import.meta.url).pathname), 'x.js'));
export const { chromium } = require('playwright-core');

export const result = { failures: 0 };

export function check(condition, what) {
  if (condition) {
    console.log('ok   ' + what);
  } else {
    result.failures += 1;
    console.log('FAIL ' + what);
  }
}

/// Starts `serverBinary` on a free port with its database in `work`; resolves to { server, base }.
export function startServer(serverBinary, work, extraArgs = []) {
  return new Promise((resolve, reject) => {
    const server = spawn(serverBinary, ['--db', 'sqlite:' + path.join(work, 'server.sqlite'), '--listen', '127.0.0.1:0', '--fan-limit', '0', ...extraArgs], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    server.on('error', reject);
    server.stdout.on('data', (chunk) => {
      const match = /listening on 127\.0\.0\.1:(\d+)/.exec(chunk.toString());
      if (match) {
        resolve({ server, base: 'http://127.0.0.1:' + match[1] });
      }
    });
    setTimeout(() => reject(new Error('the server did not start')), 10000);
  });
}

export async function api(base, method, route, token, body) {
  const response = await fetch(base + route, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: 'Bearer ' + token } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, json: await response.json() };
}

/// Registers and signs in one account; its access token.
export async function signIn(base, email, password) {
  await api(base, 'POST', '/v1/auth/register', null, { email, password });
  const login = await api(base, 'POST', '/v1/auth/login', null, { email, password });
  return login.json.access_token;
}

export async function waitFor(predicate, ms) {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (predicate()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 20));
  }
  return -1;
}

export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  });
}

export const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'en-US' };
