// End-to-end: the /chat page of a running bot in Debian's headless Chromium (never a downloaded browser).
// Opens /chat, asks a question, sees the answer card, clicks a follow-up, asks for a VP (contact routes,
// no booking here), and checks that the page
// made no request outside 127.0.0.1 and broke no Content-Security-Policy rule.
// Usage: BOT_URL=http://127.0.0.1:PORT node chat.e2e.mjs   (screenshots go to ./output/)
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { axeViolations } from './axe-check.mjs';

const botUrl = process.env.BOT_URL;
if (!botUrl || new URL(botUrl).hostname !== '127.0.0.1') {
  console.error('BOT_URL must be http://127.0.0.1:<port>');
  process.exit(2);
}

const output = path.join(path.dirname(fileURLToPath(import.meta.url)), 'output');
mkdirSync(output, { recursive: true });

const requests = [];
const seen = [];
const outside = [];
const cspViolations = [];
const pageErrors = [];
const timings = {};
const accessibility = {};
const t0 = Date.now();
const mark = (name) => { timings[name] = Date.now() - t0; };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

let failed = false;
let page;
try {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 900, height: 1100 } });
  // Every request the page makes passes here; anything not for 127.0.0.1 is recorded and never sent.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    requests.push(`${route.request().method()} ${url.origin}${url.pathname}`);
    if (url.hostname !== '127.0.0.1' && url.protocol !== 'data:' && url.protocol !== 'blob:') {
      outside.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  await context.addInitScript(() => {
    // What Web Chat's live region announces to a screen reader, as it is added (it is cleared right after).
    window.__live = [];
    new MutationObserver((changes) => {
      for (const change of changes) {
        for (const node of change.addedNodes) {
          const region = node.parentElement && node.parentElement.closest ? node.parentElement.closest('.webchat__live-region-transcript') : null;
          if (region) window.__live.push(node.textContent || '');
        }
      }
    }).observe(document, { childList: true, subtree: true });
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });

  page = await context.newPage();
  // Second net: every request the page issues, whether or not routing saw it.
  page.on('request', (r) => seen.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });

  const response = await page.goto(new URL('/chat', botUrl).href);
  if (!response || response.status() !== 200) throw new Error(`/chat answered ${response && response.status()}`);
  const csp = response.headers()['content-security-policy'] || '';
  if (!csp.includes("script-src 'self'") || !csp.includes("connect-src 'self'")) throw new Error(`weak CSP: ${csp}`);
  await page.getByText('Anoniem: je hoeft niet in te loggen en we bewaren niets van wat je typt.').waitFor();

  // The welcome card arrives by polling after the conversation starts.
  await page.locator('.ac-adaptiveCard').first().waitFor({ timeout: 20000 });
  mark('welcomeCard');

  // Card titles (TextBlock style "heading"), not the buttons that carry the same words.
  const heading = (text) => page.locator('.ac-adaptiveCard').getByRole('heading', { name: text, exact: true }).first();
  const input = page.locator('[data-id="webchat-sendbox-input"], input[type="text"], textarea').first();
  await input.fill('Wat doet een vertrouwenspersoon eigenlijk?');
  await input.press('Enter');
  const asked = Date.now();

  const answerHeading = heading('Wat doet een VP?');
  await answerHeading.waitFor({ timeout: 20000 });
  timings.questionToAnswerMs = Date.now() - asked;
  // Web Chat shows "send failed" when the echo with our clientActivityID does not come back.
  const failedToSend = await page.getByText(/Verzenden mislukt|Send failed/i).count();
  if (failedToSend > 0) throw new Error('Web Chat reports the message as not sent');
  await page.screenshot({ path: path.join(output, 'chat-answer.png'), fullPage: true });
  // A screen reader hears what the new card says (issue 20), not only "1 bijlage" and its buttons; and "jij", not "u".
  await page.waitForTimeout(500);
  const announced = await page.evaluate(() => window.__live.join(' | '));
  if (!announced.includes('Wat doet een VP?') || !announced.includes('Een vertrouwenspersoon (VP) is er voor')) throw new Error(`the screen reader heard: ${announced.slice(0, 400)}`);
  if (/\bU zei\b/.test(announced) || !announced.includes('Jij zei')) throw new Error(`Web Chat says "u": ${announced.slice(0, 200)}`);
  timings.announcedChars = announced.length;

  const followUp = page.locator('.ac-adaptiveCard button', { hasText: 'Wat doet een VP niet?' }).last();
  await followUp.click();
  const clicked = Date.now();
  await heading('Wat doet een VP niet?').waitFor({ timeout: 20000 });
  timings.clickToAnswerMs = Date.now() - clicked;
  await page.screenshot({ path: path.join(output, 'chat-follow-up.png'), fullPage: true });

  // Keyboard focus you can see (issue 20): a card button focused from the keyboard has a ring of at least 2 px.
  await followUp.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const el = document.activeElement;
    const style = el ? getComputedStyle(el) : null;
    return style ? { tag: el.tagName, width: parseFloat(style.outlineWidth), outline: style.outlineStyle } : null;
  });
  if (!ring || ring.outline === 'none' || ring.width < 2) throw new Error('focus ring too thin: ' + JSON.stringify(ring));
  await page.screenshot({ path: path.join(output, 'chat-focus-ring.png') });

  // Booking needs Teams: the chat explains that and shows how to reach a VP instead.
  await page.locator('.ac-adaptiveCard button', { hasText: 'Praat met een vertrouwenspersoon' }).last().click();
  await page.getByText(/ik weet niet wie je bent/).first().waitFor({ timeout: 20000 });
  if ((await page.locator('.ac-adaptiveCard a[href^="mailto:"]').count()) === 0) throw new Error('no VP contact routes shown');
  if ((await page.locator('.ac-adaptiveCard a[href^="tel:"]').count()) === 0) throw new Error('no VP phone number to tap');
  await page.locator('.ac-adaptiveCard a[href^="mailto:"]').last().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(output, 'chat-booking.png'), fullPage: true });

  // A long story (issue 20): the counter says what the bot will read, and the message is sent and answered.
  const story = 'Mijn leidinggevende kleineert me steeds in het overleg waar iedereen bij is en ik weet niet wat ik moet doen. ';
  await input.fill(story.repeat(Math.ceil(5000 / story.length)).slice(0, 5000));
  const counter = page.locator('#chat-counter');
  await counter.waitFor({ state: 'visible', timeout: 5000 });
  const counted = await counter.textContent();
  if (!/5\.000 tekens\. Ik lees de eerste 4\.000/.test(counted || '')) throw new Error(`counter says: ${counted}`);
  await page.screenshot({ path: path.join(output, 'chat-long-counter.png') });
  await input.press('Enter');
  await page.getByText(/ik lees de eerste 4\.000 tekens/).first().waitFor({ timeout: 20000 });
  if ((await page.getByText(/Verzenden mislukt|Send failed/i).count()) > 0) throw new Error('the long story was not sent');
  // The box is empty after sending: the counter goes with it (a user sees it go at once; allow a second).
  await counter.waitFor({ state: 'hidden', timeout: 1000 }).catch(() => { throw new Error('the counter stayed after sending'); });
  await page.screenshot({ path: path.join(output, 'chat-long-answer.png'), fullPage: true });

  // WCAG 2.1 AA (issue 20): axe-core on the transcript with cards, at desktop width and on a phone.
  accessibility.desktop = await axeViolations(page);
  await page.setViewportSize({ width: 400, height: 800 });
  await page.screenshot({ path: path.join(output, 'chat-phone.png') });
  accessibility.phone = await axeViolations(page);
  // The English page, on a phone and at desktop width.
  await page.goto(new URL('/chat?lang=en', botUrl).href);
  await page.locator('.ac-adaptiveCard').first().waitFor({ timeout: 20000 });
  await input.fill('What does a confidential adviser do?');
  await input.press('Enter');
  const englishHeading = heading('What does a VP do?');
  await englishHeading.waitFor({ timeout: 20000 });
  await page.waitForTimeout(1500);
  // On a phone the new card opens at its top (issue 20): its heading is on screen, below the sticky header.
  const top = await englishHeading.evaluate((e) => ({ y: e.getBoundingClientRect().top, header: document.querySelector('.chat-header').getBoundingClientRect().bottom }));
  if (top.y < top.header || top.y > 800 - 120) throw new Error(`the new card's heading is off screen on a phone: ${JSON.stringify(top)}`);
  accessibility.phoneEnglish = await axeViolations(page);
  await page.screenshot({ path: path.join(output, 'chat-phone-en.png') });
  await page.setViewportSize({ width: 900, height: 1100 });
  accessibility.desktopEnglish = await axeViolations(page);
  writeFileSync(path.join(output, 'axe.json'), JSON.stringify(accessibility, null, 2));
  const broken = Object.values(accessibility).flat();
  if (broken.length > 0 && process.env.AXE_REPORT_ONLY !== '1') throw new Error(`axe-core WCAG 2.1 AA: ${broken.map((v) => `${v.id} (${v.nodes.length})`).join(', ')}`);

  cspViolations.push(...(await page.evaluate(() => window.__csp)));
  if (outside.length > 0) throw new Error(`requests outside 127.0.0.1: ${outside.join(', ')}`);
  if (cspViolations.length > 0) throw new Error(`CSP violations: ${cspViolations.join('; ')}`);
  if (requests.some((r) => !r.includes('//127.0.0.1:'))) throw new Error('a request went elsewhere');
  const elsewhere = seen.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).hostname !== '127.0.0.1');
  if (elsewhere.length > 0) throw new Error(`the page asked for: ${elsewhere.join(', ')}`);
  const polls = seen.filter((u) => u.includes('/activities?watermark=')).length;
  if (polls < 3) throw new Error(`only ${polls} polls seen`);
  timings.polls = polls;
  await context.close();
} catch (e) {
  failed = true;
  console.error(`e2e FAILED: ${e && e.message}`);
  if (page) {
    await page.screenshot({ path: path.join(output, 'failure.png'), fullPage: true }).catch(() => {});
    writeFileSync(path.join(output, 'failure.html'), await page.content().catch(() => ''));
  }
} finally {
  await browser.close();
}

const report = { ok: !failed, timings, requests: requests.length, seen: seen.length, outside, cspViolations, pageErrors };
writeFileSync(path.join(output, 'report.json'), JSON.stringify(report, null, 2));
console.log(JSON.stringify(report));
process.exit(failed ? 1 : 0);
