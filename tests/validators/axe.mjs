#!/usr/bin/env node
// Checks HTML files for accessibility with axe-core in Debian's Chromium,
// driven by playwright-core (no browser download: /usr/bin/chromium).
//
// Usage: node tests/validators/axe.mjs FILE...
//
// Each file opens as a file:// URL, one after the other, in ONE browser page. Besides
// axe's violations (tags wcag2a, wcag2aa, wcag21aa, best-practice) it reports:
//   external-request  the document asked for anything but file:, data:, about:
//                     (a page must be self-contained; such requests are aborted)
//   missing-resource  a file: resource it refers to could not be loaded
//   script-executed   a script ran: window.__samskap_xss became defined, or a
//                     dialog (alert, confirm, prompt) opened
//   page-error        an uncaught script error
//   console-error     any other console error
// Prints `files: N` first, then one line per violation:
//   FILE: rule-id (impact): help — target selectors
// and exits 1 if there was any, else prints `N files checked, 0 violations`.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
// axe.min.js is the same build as axe-core's `source` (axe.js), minified:
// it is quicker to inject into every page.
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const CHROMIUM = process.env.SAMSKAP_CHROMIUM || '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'];
const LOCAL = /^(file|data|about):/i;

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: axe.mjs FILE...');
  process.exit(2);
}
const missing = files.filter((f) => !existsSync(f));
if (missing.length > 0) {
  for (const f of missing) console.error(`axe.mjs: ${f}: no such file`);
  process.exit(2);
}

console.log(`files: ${files.length}`);

function targets(nodes) {
  return nodes
    .map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' '))
    .join(', ');
}

// One browser, one context, one page: a new context or page per file costs
// more than checking the file. The page goes to about:blank between files, so
// whatever a document does afterwards is not blamed on the next one.
const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
let cur = null; // what the file being checked has done
let context;
let page;

async function openPage() {
  context = await browser.newContext({ serviceWorkers: 'block' });
  context.setDefaultTimeout(30_000);
  // Nothing leaves the machine: every non-local request is recorded and aborted.
  await context.route(
    (url) => !LOCAL.test(url.href),
    (route) => {
      cur?.external.add(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  page = await context.newPage();
  page.on('request', (req) => {
    if (!LOCAL.test(req.url())) cur?.external.add(req.url());
  });
  page.on('websocket', (ws) => cur?.external.add(ws.url()));
  page.on('requestfailed', (req) => {
    if (/^file:/i.test(req.url())) cur?.failedLocal.add(req.url());
  });
  page.on('dialog', (dialog) => {
    cur?.dialogs.push(`${dialog.type()}(${JSON.stringify(dialog.message())})`);
    dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (err) =>
    cur?.add('page-error', 'serious', `uncaught script error: ${err.message}`, ''),
  );
  page.on('console', (msg) => {
    // A failed load is reported as external-request or missing-resource.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      cur?.add('console-error', 'serious', `console error: ${msg.text()}`, '');
    }
  });
}

async function checkFile(file) {
  const found = [];
  cur = {
    external: new Set(),
    failedLocal: new Set(),
    dialogs: [],
    add: (id, impact, help, target) => found.push({ id, impact, help, target }),
  };
  const { add } = cur;
  try {
    await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: 'load' });
    await page.evaluate(axeSource);
    const results = await page.evaluate(
      (tags) =>
        window.axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        }),
      TAGS,
    );
    for (const v of results.violations) add(v.id, v.impact, v.help, targets(v.nodes));
    const xss = await page.evaluate(() => typeof window.__samskap_xss !== 'undefined');
    if (xss) {
      add('script-executed', 'critical', 'a script in the document ran', 'window.__samskap_xss is defined');
    }
    await page.goto('about:blank');
  } catch (err) {
    add('check-failed', 'critical', `could not check the file: ${err.message.split('\n')[0]}`, '');
    // Start the next file on a fresh page.
    await context.close().catch(() => {});
    await openPage();
  }
  const { external, failedLocal, dialogs } = cur;
  cur = null;
  if (dialogs.length > 0) {
    add('script-executed', 'critical', 'a script in the document opened a dialog', dialogs.join(', '));
  }
  for (const url of external) {
    add('external-request', 'critical', 'the document requests a resource from outside itself', url);
  }
  for (const url of failedLocal) {
    add('missing-resource', 'serious', 'a local resource the document refers to is missing', url);
  }
  return found;
}

let total = 0;
try {
  await openPage();
  for (const file of files) {
    for (const v of await checkFile(file)) {
      total += 1;
      console.log(`${file}: ${v.id} (${v.impact}): ${v.help}${v.target ? ` — ${v.target}` : ''}`);
    }
  }
} finally {
  await browser.close();
}
console.log(`${files.length} files checked, ${total} violations`);
process.exit(total > 0 ? 1 : 0);
