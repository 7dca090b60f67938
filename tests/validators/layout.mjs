#!/usr/bin/env node
// Checks that HTML pages fit the reader's page in Debian's Chromium, driven
// by playwright-core (no browser download: /usr/bin/chromium):
//   phone  a 375-px-wide viewport, as a phone shows the page;
//   print  print media on A4 (210 mm less the layout's 16 mm margins each
//          side: 178 mm, 673 px at 96 px per inch).
// In each, no element may reach past the right edge and the page may not
// scroll sideways. With SAMSKAP_SCREENSHOTS=DIR it also writes a full-page
// screenshot of the phone view and an A4 PDF of each file there.
//
// Usage: node tests/validators/layout.mjs FILE...
// Prints one line per element too wide (`FILE [view]: selector is W px wide,
// right edge at R px of P`), then `N files checked, M too wide`; exits 1 if
// anything was too wide.

import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.SAMSKAP_CHROMIUM || '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'];
const VIEWS = [
  { name: 'phone', width: 375, height: 812, media: 'screen' },
  { name: 'print', width: Math.floor((178 / 25.4) * 96), height: 1000, media: 'print' },
];

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: layout.mjs FILE...');
  process.exit(2);
}
for (const f of files) {
  if (!existsSync(f)) {
    console.error(`layout.mjs: ${f}: no such file`);
    process.exit(2);
  }
}
const shots = process.env.SAMSKAP_SCREENSHOTS;
if (shots) mkdirSync(shots, { recursive: true });

// Every element whose box reaches past the viewport's right edge, named by
// a short selector; and the page's own sideways overflow.
function tooWide() {
  const width = document.documentElement.clientWidth;
  const name = (el) => {
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && parts.length < 4; e = e.parentElement) {
      let p = e.tagName.toLowerCase();
      if (e.id) p += `#${e.id}`;
      else if (typeof e.className === 'string' && e.className.trim()) {
        p += `.${e.className.trim().split(/\s+/)[0]}`;
      }
      parts.unshift(p);
    }
    return parts.join(' > ');
  };
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 0.5) {
      found.push(`${name(el)} is ${Math.round(r.width)} px wide, right edge at ${Math.round(r.right)} px of ${width}`);
    }
  }
  if (document.documentElement.scrollWidth > width + 0.5) {
    found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px of ${width}`);
  }
  return found;
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
let total = 0;
try {
  for (const view of VIEWS) {
    const context = await browser.newContext({
      viewport: { width: view.width, height: view.height },
      serviceWorkers: 'block',
    });
    await context.route((url) => !/^(file|data|about):/i.test(url.href), (r) => r.abort());
    const page = await context.newPage();
    await page.emulateMedia({ media: view.media });
    for (const file of files) {
      await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: 'load' });
      for (const line of (await page.evaluate(tooWide)).slice(0, 10)) {
        total += 1;
        console.log(`${file} [${view.name}]: ${line}`);
      }
      if (shots && view.name === 'phone') {
        await page.screenshot({ path: join(shots, `${basename(file)}.phone.png`), fullPage: true });
      }
      if (shots && view.name === 'print') {
        await page.pdf({ path: join(shots, `${basename(file)}.pdf`), format: 'A4' });
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(`${files.length} files checked, ${total} too wide`);
process.exit(total > 0 ? 1 : 0);
