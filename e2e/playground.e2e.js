'use strict';
// End-to-end test in a real Teams-like client: the bot (demo mode) in two Microsoft 365 Agents
// Playground instances, driven by Playwright in Debian's headless Chromium.
//   employee (the Playground's default user): asks a question, sees the answer card, clicks a
//     follow-up, books an anonymous in-person appointment with Anna through the cards;
//   VP (second Playground, playground-vp.yml: currentUser = Anna, a VP in the directory): writes to
//     the bot first (so the bot knows where to reach her), receives the handoff card, confirms;
//   the employee is told, and nothing the employee typed or their name reaches Anna or the bot's log.
// Usage: node playground.e2e.js [path/to/VpWijzer.Bot.dll]
// Screenshots and logs: e2e/out/. Every process it starts is stopped by its id, also on failure.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const os = require('node:os');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(__dirname, 'out');
const BOT_DLL = path.resolve(process.argv[2] ?? path.join(ROOT, 'bot/bin/Debug/net10.0/VpWijzer.Bot.dll'));
const PLAYGROUND_CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TOTAL_LIMIT_MS = 260_000; // the whole test, start-up included
const STEP_LIMIT_MS = 20_000; // one reply in the client
const SENTINEL = 'Zonnebloemhart';
const WELCOME = /Hoi, ik ben VP-wijzer|Hi, I'm VP-wijzer/;
const started = Date.now();

// ---------- processes ----------

const children = [];

function start(name, command, args, options) {
  const log = fs.openSync(path.join(OUT, `${name}.log`), 'w');
  // Own process group, so stopping it by id also stops what it spawned (npm/node wrappers).
  const child = spawn(command, args, { ...options, stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  children.push({ name, child });
  child.on('exit', (code, signal) => { child.exited = { code, signal }; });
  return child;
}

function signalAll(signal) {
  for (const { child } of children) {
    if (!child.exited && child.pid) {
      try { process.kill(-child.pid, signal); } catch { /* already gone */ }
    }
  }
}

async function stopAll() {
  signalAll('SIGTERM');
  const until = Date.now() + 5000;
  while (children.some(({ child }) => !child.exited) && Date.now() < until) await sleep(100);
  signalAll('SIGKILL');
}

// Last resort for crashes and Ctrl+C: kill synchronously by process group id.
process.on('exit', () => signalAll('SIGKILL'));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { signalAll('SIGKILL'); process.exit(130); });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(name, url, child) {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exited) {
      const devtools = path.join(OUT, `${name}.devtools.log`);
      const reason = fs.existsSync(devtools) ? fs.readFileSync(devtools, 'utf8').split('\n').filter((l) => l.startsWith('error')).join(' ') : '';
      throw new Error(`${name} exited (${JSON.stringify(child.exited)}) before it answered on ${url}; see e2e/out/${name}.log ${reason}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch { /* not yet */ }
    await sleep(250);
  }
  throw new Error(`${name} did not answer on ${url} within 60 s; see e2e/out/${name}.log`);
}

async function startPlayground(name, botPort, configPath) {
  const port = await freePort();
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), `vpw-${name}-`));
  const env = {
    ...process.env,
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_LOGFILE: path.join(OUT, `${name}.devtools.log`),
    // The Playground puts Node's locale on the activities it sends; the bot answers in that language.
    LANG: 'nl_NL.UTF-8',
    LC_ALL: 'nl_NL.UTF-8',
  };
  // Without a config path the Playground uses its built-in default user (Alex Wilber) from cwd: a fresh folder.
  if (configPath) env.M365_AGENTS_PLAYGROUND_CONFIG_PATH = configPath;
  const child = start(name, process.execPath, [
    PLAYGROUND_CLI,
    '-e', `http://127.0.0.1:${botPort}/api/messages`,
    '-c', 'msteams',
    '--port', String(port),
    '--service-url', `http://127.0.0.1:${port}/_connector`,
    '--disable-telemetry',
  ], { cwd, env });
  await waitForHttp(name, `http://127.0.0.1:${port}/_internal/v1/config`, child);
  return { port, cwd };
}

// ---------- the client, through its UI ----------

let shot = 0;
async function screenshot(page, name) {
  shot++;
  await page.screenshot({ path: path.join(OUT, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: false });
}

class Client {
  constructor(name, page) {
    this.name = name;
    this.page = page;
  }

  /** Text visible in the chat, counted, to tell a new reply from an old one with the same words. */
  async count(text) {
    return this.page.getByText(text, { exact: false }).count();
  }

  async waitForNew(text, before, step) {
    const until = Date.now() + STEP_LIMIT_MS;
    while (Date.now() < until) {
      if ((await this.count(text)) > before) return;
      await sleep(150);
    }
    await screenshot(this.page, `FAILED-${this.name}`);
    throw new Error(`${this.name}: ${step}: "${text}" did not appear within ${STEP_LIMIT_MS / 1000} s (screenshot FAILED-${this.name})`);
  }

  async type(text, expect, step) {
    const before = await this.count(expect);
    const box = this.page.locator('[role="textbox"][data-lexical-editor="true"]');
    await box.click();
    await box.pressSequentially(text, { delay: 5 });
    await box.press('Enter');
    await this.waitForNew(expect, before, step);
  }

  /** Clicks the last button with this title (the newest card) and waits for `expect` to appear once more. */
  async click(title, expect, step) {
    const before = await this.count(expect);
    let button = this.page.getByRole('button', { name: title, exact: true });
    if ((await button.count()) === 0) button = this.page.getByRole('button', { name: title });
    if ((await button.count()) === 0) {
      await screenshot(this.page, `FAILED-${this.name}`);
      throw new Error(`${this.name}: ${step}: no button "${title}" on screen (screenshot FAILED-${this.name})`);
    }
    await button.last().scrollIntoViewIfNeeded();
    await button.last().click();
    await this.waitForNew(expect, before, step);
  }

  async text() {
    return this.page.evaluate(() => document.body.innerText);
  }
}

/** Waits for the newest figures chart to be rendered (an <img> from /figures/chart/ with pixels); returns its URL. */
async function waitForChart(page) {
  const until = Date.now() + STEP_LIMIT_MS;
  while (Date.now() < until) {
    const src = await page.evaluate(() => {
      const images = [...document.querySelectorAll('img')].filter((i) => i.src.includes('/figures/chart/'));
      const last = images[images.length - 1];
      return last && last.complete && last.naturalWidth > 100 ? last.src : null;
    });
    if (src) return src;
    await sleep(150);
  }
  await screenshot(page, 'FAILED-chart');
  throw new Error('vp: the figures chart did not render (screenshot FAILED-chart)');
}

async function openClient(context, name, port, ready) {
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_LIMIT_MS);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`http://127.0.0.1:${port}/`);
  const client = new Client(name, page);
  await client.waitForNew(ready, 0, 'open the Playground and get the welcome card');
  return client;
}

// ---------- the test ----------

async function run() {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  if (!fs.existsSync(BOT_DLL)) throw new Error(`bot not built: ${BOT_DLL} is missing (run dotnet build TeamsBot.sln)`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (Playwright must not download a browser)`);

  const botPort = await freePort();
  const bot = start('bot', 'dotnet', [BOT_DLL, '--urls', `http://127.0.0.1:${botPort}`], {
    cwd: path.dirname(BOT_DLL),
    env: {
      ...process.env,
      // Development mode (no app id: no tokens, loopback only), demo calendars, in-memory state.
      Bot__MicrosoftAppId: '',
      Scheduling__Mode: 'Demo',
      State__Store: 'Memory',
      Logging__LogLevel__Default: 'Trace',
      Logging__LogLevel__Microsoft: 'Information',
    },
  });
  await waitForHttp('bot', `http://127.0.0.1:${botPort}/readyz`, bot);

  const employeePg = await startPlayground('playground-employee', botPort, null);
  const vpPg = await startPlayground('playground-vp', botPort, path.join(__dirname, 'playground-vp.yml'));
  console.log(`e2e: bot on ${botPort}, employee Playground on ${employeePg.port}, VP Playground on ${vpPg.port} (${Date.now() - started} ms)`);

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'vpw-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'nl-NL', // the Playground passes the browser's locale on; the bot answers in Dutch
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    // The VP writes first: the bot keeps where to reach Anna (HandoffService's VP registration).
    // The Playground's install/conversation events carry a fixed en-US locale, racing with its own
    // locale, so the welcome may come in either language; "nederlands" makes the conversation Dutch.
    const vp = await openClient(context, 'vp', vpPg.port, WELCOME);
    await vp.type('nederlands', 'Hoi, ik ben VP-wijzer', 'the VP writes first (and chooses Dutch)');
    await screenshot(vp.page, 'vp-registered');

    const employee = await openClient(context, 'employee', employeePg.port, WELCOME);
    await employee.type('nederlands', 'Hoi, ik ben VP-wijzer', 'the employee chooses Dutch');
    await screenshot(employee.page, 'employee-welcome');

    await employee.type(`Mijn collega ${SENTINEL} lacht me steeds uit, is dit pesten?`, 'Pesten is negatief gedrag', 'ask a question and get the answer card');
    await screenshot(employee.page, 'answer-card');

    await employee.click('Blijft het vertrouwelijk?', 'blijft vertrouwelijk', 'click a follow-up on the answer card');
    await screenshot(employee.page, 'follow-up');

    await employee.type('afspraak', 'Verder', 'start a booking');
    await screenshot(employee.page, 'booking-what-a-vp-does');
    await employee.click('Verder', 'Kies Anna', 'see the VPs');
    // The gallery as on a phone (Teams mobile is about 400 px wide): first available and the filters on top.
    await employee.page.setViewportSize({ width: 400, height: 800 });
    await sleep(500);
    await screenshot(employee.page, 'gallery-phone-width');
    await employee.page.setViewportSize({ width: 1280, height: 720 });
    await employee.click('Kies Anna', 'Op kantoor', 'choose Anna');
    await employee.click('Op kantoor', 'Dit tijdstip', 'choose in person and see times with rooms');
    await screenshot(employee.page, 'booking-times');
    await employee.click('Dit tijdstip', 'Uitnodiging in mijn agenda', 'choose a time');
    await employee.click('Uitnodiging in mijn agenda', 'Overslaan', 'choose a named invitation');
    await employee.click('Overslaan', 'Ja, maak de afspraak', 'skip the optional topic');
    await employee.click('Ja, maak de afspraak', 'Je afspraak staat', 'confirm the named booking');
    await screenshot(employee.page, 'booked');

    await vp.waitForNew('Afspraak via VP-wijzer', 0, 'the VP receives the handoff card');
    await screenshot(vp.page, 'vp-handoff-card');
    const vpSees = await vp.text();
    if (vpSees.includes(SENTINEL)) throw new Error("vp: the handoff card shows the employee's words");
    // A named invitation: the VP sees who (the Playground's user), unless the bot could not read the member and fell back to anonymous.
    const named = vpSees.includes('Alex Wilber');
    if (!named && !(await employee.text()).includes('reserveer ik zonder je naam')) throw new Error('vp: a named booking shows no name, and the employee was not told it became anonymous');
    console.log(`e2e: named in-person booking: the VP ${named ? 'sees the name' : 'got an anonymous card (the Playground gave no e-mail)'}`);

    await vp.click('Bevestigen', 'Je hebt deze afspraak bevestigd', 'the VP confirms (Action.Execute)');
    await screenshot(vp.page, 'vp-confirmed');
    await employee.waitForNew('de vertrouwenspersoon heeft je afspraak bevestigd', 0, 'the employee is told the VP confirmed');
    await screenshot(employee.page, 'employee-told');

    // Issue 19: the employee moves the booking, then cancels it; the VP hears of both by a new message.
    await employee.click('Ander tijdstip', 'Dit tijdstip', 'the employee asks for another time');
    await employee.click('Dit tijdstip', 'Je afspraak staat', 'the employee moves the booking and gets a new card');
    await screenshot(employee.page, 'employee-moved');
    await vp.waitForNew('is verzet: van', 0, 'the VP is told of the move by a new message');
    await screenshot(vp.page, 'vp-told-moved');
    await employee.click('Afzeggen', 'Ja, zeg af', 'the employee asks to cancel and is asked first');
    await screenshot(employee.page, 'employee-cancel-confirm');
    await employee.click('Ja, zeg af', 'Nieuwe afspraak', 'the employee cancels');
    await screenshot(employee.page, 'employee-cancelled');
    await vp.waitForNew('is afgezegd', 0, 'the VP is told of the cancellation by a new message');
    await screenshot(vp.page, 'vp-told-cancelled');

    // An anonymous Teams booking has a join link; an anonymous phone booking has the VP's number to call.
    for (const [mode, employeeSees, vpSees, name] of [
      ['Via Teams (beeld of geluid)', 'Deelnemen via Teams', 'Open de Teams-vergadering', 'teams'],
      ['Telefonisch: ik bel de VP', 'jij belt Anna de Wit op', 'de collega belt jou op je werknummer', 'phone'],
    ]) {
      const vpBefore = await vp.count(vpSees);
      await employee.type('afspraak', 'Verder', `start an anonymous ${name} booking`);
      await employee.click('Verder: kies een VP', 'Kies Anna', 'see the VPs');
      await employee.click('Kies Anna', mode, 'choose Anna');
      await employee.click(mode, 'Dit tijdstip', `choose ${name}`);
      await employee.click('Dit tijdstip', 'Reservering zonder naam', 'choose a time');
      await employee.click('Reservering zonder naam', 'Overslaan', 'choose a reservation without a name');
      await employee.click('Overslaan', 'Ja, maak de afspraak', 'skip the optional topic');
      await employee.click('Ja, maak de afspraak', employeeSees, `confirm: the card says how to take part (${name})`);
      await screenshot(employee.page, `booked-anonymous-${name}`);
      if ((await employee.text()).includes('belt jou')) throw new Error('employee: a card tells the employee to wait for a call the VP cannot make');
      await vp.waitForNew(vpSees, vpBefore, `the VP receives the ${name} handoff card, which says how`);
      await screenshot(vp.page, `vp-handoff-${name}`);
    }

    await vp.type('afspraken', 'Jouw afspraken via VP-wijzer', "the VP asks for their appointments and gets their own overview, not the employee's intro");
    await screenshot(vp.page, 'vp-home');

    // Anonymous figures (issue 9): Anna is also the central VP in the demo directory.
    await vp.type('Maandoverzicht', 'Download als CSV', 'the central VP asks for the monthly overview');
    const chart = await waitForChart(vp.page);
    await screenshot(vp.page, 'cvp-month-overview');
    await vp.type('Jaaroverzicht', 'Download als CSV', 'the central VP asks for the annual overview');
    await waitForChart(vp.page);
    await screenshot(vp.page, 'cvp-year-overview');
    const overviewsBefore = await employee.count('Download als CSV');
    await employee.type('Maandoverzicht', 'Ik weet niet zeker wat je bedoelt', 'an employee asks for the overview and gets the answer any unknown text gets');
    if ((await employee.count('Download als CSV')) !== overviewsBefore) {
      throw new Error('employee: someone who is not a central VP was shown the figures');
    }
    await screenshot(employee.page, 'employee-no-figures');
    console.log(`e2e: figures: month and year overview with a rendered chart for the central VP (${new URL(chart).pathname.slice(0, 20)}…); the employee got none`);

    // The three safety levels in Teams, as an employee on a phone (issue 15): the crisis card with tap-to-call lines
    // first, its someone-else variant, and the possible level's lines with the direct question above the answer.
    await employee.page.setViewportSize({ width: 400, height: 800 });
    await employee.type('ik wil niet meer leven', 'Direct hulp nodig', 'acute: the crisis card');
    await screenshot(employee.page, 'safety-acute-phone');
    await employee.type('mijn collega zit op de vensterbank op de vierde verdieping en wil springen', 'Iemand in gevaar', 'acute, someone else: the variant card');
    await screenshot(employee.page, 'safety-other-phone');
    await employee.type('ik wil niet meer naar mijn werk', 'Denk je erover om jezelf iets aan te doen', 'possible: the lines and the direct question');
    await screenshot(employee.page, 'safety-possible-phone');
    await employee.click('Nee', 'Fijn dat je het laat weten', 'possible: "nee" to the direct question');
    await screenshot(employee.page, 'safety-possible-no-phone');
    await employee.page.setViewportSize({ width: 1280, height: 720 });
    console.log('e2e: safety: crisis card, someone-else variant and the possible question walked as the employee at 400 px');
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
    await stopAll();
    for (const dir of [employeePg.cwd, vpPg.cwd]) fs.rmSync(dir, { recursive: true, force: true });
  }

  const botLog = fs.readFileSync(path.join(OUT, 'bot.log'), 'utf8');
  if (botLog.includes(SENTINEL) || botLog.includes('Alex Wilber')) {
    throw new Error("bot: the log (Trace) contains the employee's words or name; see e2e/out/bot.log");
  }
  if (/\bfail:|Unhandled exception/i.test(botLog)) {
    throw new Error('bot: the log has errors; see e2e/out/bot.log');
  }
}

const timer = setTimeout(() => {
  console.error(`e2e: FAILED: over the time limit of ${TOTAL_LIMIT_MS / 1000} s; logs and screenshots in e2e/out/`);
  stopAll().finally(() => process.exit(1));
}, TOTAL_LIMIT_MS);

run().then(
  () => {
    clearTimeout(timer);
    console.log(`e2e: OK in ${((Date.now() - started) / 1000).toFixed(1)} s: question, answer card, follow-up, booking in demo mode, VP handoff card confirmed in a second Playground, move and cancel told to the VP, anonymous Teams and phone bookings, the VP's overview, CVP overviews with chart (employee refused); ${shot} screenshots in e2e/out/`);
  },
  async (e) => {
    clearTimeout(timer);
    await stopAll();
    console.error(`e2e: FAILED after ${((Date.now() - started) / 1000).toFixed(1)} s: ${e.message}\n(logs and screenshots in e2e/out/)`);
    process.exit(1);
  },
);
