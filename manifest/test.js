'use strict';
// Proves the validator catches broken packages (run: node --test test.js).
// Each case starts from the package build.js makes from params.example.env and breaks one thing.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { build } = require('./build');
const { validatePackage } = require('./validate');
const { readZip, writeZip } = require('./lib/zip');
const { encode, decode } = require('./lib/png');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vp-manifest-test-'));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

let good;
test.before(async () => {
  good = await build([path.join(__dirname, 'params.example.env'), '--out', path.join(tmp, 'good.zip')]);
});

/** Writes a copy of the good package with `change(files)` applied and returns its problems. */
async function broken(name, change) {
  const files = readZip(fs.readFileSync(good));
  change(files);
  const zip = path.join(tmp, `${name}.zip`);
  fs.writeFileSync(zip, writeZip([...files].map(([n, data]) => ({ name: n, data }))));
  return validatePackage(zip);
}
const editJson = (files, name, edit) => {
  const json = JSON.parse(files.get(name).toString('utf8'));
  edit(json);
  files.set(name, Buffer.from(JSON.stringify(json)));
};
const expectProblem = (problems, pattern) =>
  assert.ok(problems.some((p) => pattern.test(p)), `expected a problem matching ${pattern}, got:\n${problems.join('\n') || '(none)'}`);

test('the built package is valid', async () => {
  assert.deepEqual(await validatePackage(good), []);
  assert.deepEqual([...readZip(fs.readFileSync(good)).keys()].sort(), ['color.png', 'en.json', 'manifest.json', 'outline.png']);
});

test('schema: a bot id that is not a GUID is caught', async () => {
  expectProblem(await broken('botid', (f) => editJson(f, 'manifest.json', (m) => { m.bots[0].botId = 'not-a-guid'; })), /schema: \/bots\/0\/botId/);
});

test('schema: a missing required field is caught', async () => {
  expectProblem(await broken('nodev', (f) => editJson(f, 'manifest.json', (m) => { delete m.developer; })), /schema: .*developer/);
});

test('schema: an unknown property is caught', async () => {
  expectProblem(await broken('extra', (f) => editJson(f, 'manifest.json', (m) => { m.bots[0].chatty = true; })), /schema: \/bots\/0 must NOT have additional properties/);
});

test('a short name over 30 characters is caught, in the manifest and in en.json', async () => {
  expectProblem(await broken('longname', (f) => editJson(f, 'manifest.json', (m) => { m.name.short = 'VP-wijzer voor alle medewerkers van de gemeente'; })), /manifest\.json: schema: \/name\/short/);
  expectProblem(await broken('longname-en', (f) => editJson(f, 'en.json', (m) => { m['name.short'] = 'VP-wijzer for every employee of the municipality'; })), /en\.json: schema: \/name\.short/);
});

test('a schema version the validator does not bundle is caught', async () => {
  expectProblem(await broken('v99', (f) => editJson(f, 'manifest.json', (m) => { m.$schema = m.$schema.replace('v1.30', 'v1.99'); })), /not bundled/);
  expectProblem(await broken('mismatch', (f) => editJson(f, 'manifest.json', (m) => { m.manifestVersion = '1.22'; })), /does not match/);
});

test('an unfilled parameter is caught', async () => {
  expectProblem(await broken('param', (f) => editJson(f, 'manifest.json', (m) => { m.validDomains = ['${{BOT_DOMAIN}}']; })), /\$\{\{BOT_DOMAIN\}\} was not filled in/);
});

test('team scope is refused (questions stay in 1:1)', async () => {
  expectProblem(await broken('scope', (f) => editJson(f, 'manifest.json', (m) => { m.bots[0].scopes = ['personal', 'team']; })), /personal scope only/);
});

test('a localisation key without counterpart is caught', async () => {
  expectProblem(await broken('lockey', (f) => editJson(f, 'en.json', (m) => { m['bots[0].commandLists[0].commands[5].title'] = 'Extra'; })), /no counterpart/);
});

test('a missing icon is caught', async () => {
  expectProblem(await broken('noicon', (f) => f.delete('outline.png')), /outline\.png: icon missing/);
});

test('a colour icon of the wrong size is caught', async () => {
  expectProblem(await broken('small', (f) => f.set('color.png', encode(96, 96, new Uint8Array(96 * 96 * 4).fill(200)))), /color\.png: must be 192x192 pixels, is 96x96/);
});

test('an outline icon that is not white on transparent is caught', async () => {
  expectProblem(await broken('teal', (f) => {
    const img = decode(f.get('outline.png'));
    for (let i = 0; i < img.rgba.length; i += 4) if (img.rgba[i + 3] > 0) img.rgba.set([0x24, 0x7a, 0x80], i);
    f.set('outline.png', encode(32, 32, img.rgba));
  }), /not white/);
  expectProblem(await broken('opaque', (f) => f.set('outline.png', encode(32, 32, new Uint8Array(32 * 32 * 4).fill(255)))), /no transparent background/);
});

test('a file that is not a PNG is caught', async () => {
  expectProblem(await broken('jpeg', (f) => f.set('color.png', Buffer.from('GIF89a not really'))), /color\.png: not a PNG/);
});

test('build refuses invalid parameters with a clear message', async () => {
  const params = path.join(tmp, 'bad.env');
  fs.writeFileSync(params, fs.readFileSync(path.join(__dirname, 'params.example.env'), 'utf8').replace(/^BOT_ID=.*$/m, 'BOT_ID=my-bot').replace(/^PRIVACY_URL=.*$/m, 'PRIVACY_URL=http://example.nl'));
  await assert.rejects(build([params, '--out', path.join(tmp, 'bad.zip')]), (e) => /BOT_ID: must be a GUID/.test(e.message) && /PRIVACY_URL: must start with https/.test(e.message));
  assert.equal(fs.existsSync(path.join(tmp, 'bad.zip')), false);
});

test('the committed icons are exactly what icons.js draws', () => {
  const dir = fs.mkdtempSync(path.join(tmp, 'icons-'));
  require('node:child_process').execFileSync(process.execPath, [path.join(__dirname, 'icons.js'), dir]);
  for (const name of ['color.png', 'outline.png']) {
    assert.ok(fs.readFileSync(path.join(dir, name)).equals(fs.readFileSync(path.join(__dirname, name))), `${name} differs from icons.js output; run node icons.js`);
  }
});
