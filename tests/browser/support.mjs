// What the browser tests share: starting `banso serve` on a free loopback port with its own
// data folder, reading the emails it writes there, the Fluent messages the UI shows, and
// launching Debian's Chromium.

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repository = join(here, '..', '..');

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `banso serve` (BANSO_BIN, else target/debug/banso) and waits until it is ready. */
export async function startBanso() {
  const binary = process.env.BANSO_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(repository, 'target'), 'debug', 'banso');
  const dataDir = mkdtempSync(join(tmpdir(), 'banso-browser-'));
  const port = await freePort();
  const child = spawn(binary, ['serve', '--port', String(port), '--data-dir', dataDir], {
    env: { PATH: process.env.PATH, BANSO_LOG__LEVEL: 'warn', BANSO_WORKER__POLL_INTERVAL_MS: '100' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`banso exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${base}/ready`);
      if (response.ok) {
        return {
          base,
          dataDir,
          async stop() {
            child.kill('SIGTERM');
            await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
            rmSync(dataDir, { recursive: true, force: true });
          },
        };
      }
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error('banso did not become ready within 60 seconds');
}

/** Debian's Chromium, headless, with no background traffic. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The single-line messages of a locale, as the web UI reads them. */
export function messages(locale) {
  const folder = join(repository, 'locales', locale);
  const found = new Map();
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.ftl'))) {
    for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
      const match = /^([a-z][a-z0-9-]*) = (.+)$/.exec(line);
      if (match) found.set(match[1], match[2]);
    }
  }
  return (key, args = {}) => {
    const text = found.get(key);
    if (text === undefined) throw new Error(`no ${locale} message ${key}`);
    return text.replace(/\{ *\$([a-zA-Z]+) *\}/g, (_, name) => String(args[name] ?? ''));
  };
}

function decodePart(headers, body) {
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** The plain-text bodies of the emails written so far, oldest first, with their recipients. */
function readEmails(dataDir) {
  let files;
  try {
    files = readdirSync(join(dataDir, 'mail')).filter((name) => name.endsWith('.eml')).sort();
  } catch {
    return [];
  }
  return files.map((name) => {
    const raw = readFileSync(join(dataDir, 'mail', name), 'utf8');
    const to = /^To:.*?<?([^<>\s]+@[^<>\s]+)>?\s*$/im.exec(raw)?.[1] ?? '';
    const text = raw
      .split(/\r?\n--[^\r\n]+\r?\n/)
      .map((part) => {
        const split = part.search(/\r?\n\r?\n/);
        return split < 0 ? null : { headers: part.slice(0, split), body: part.slice(split).trim() };
      })
      .filter((part) => part && /content-type:\s*text\/plain/i.test(part.headers))
      .map((part) => decodePart(part.headers, part.body))
      .join('\n');
    return { to, text };
  });
}

/** Waits (at most 15 s) for an email to `address` and returns the link to `path` in it. */
export async function linkInEmail(dataDir, address, path) {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const email = readEmails(dataDir).find((message) => message.to === address);
    const link = email?.text.split(/\s+/).find((word) => word.startsWith('http') && word.includes(path));
    if (link) return link;
    await sleep(100);
  }
  throw new Error(`no email with a ${path} link reached ${address}`);
}

/** Waits (at most 15 s) for an email to `address` whose text contains `needle`, and returns that text. */
export async function emailContaining(dataDir, address, needle) {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const email = readEmails(dataDir).find((message) => message.to === address && message.text.includes(needle));
    if (email) return email.text;
    await sleep(100);
  }
  throw new Error(`no email containing ${JSON.stringify(needle)} reached ${address}`);
}
