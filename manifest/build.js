'use strict';
// Builds the Teams app package: fills the ${{PARAMETERS}} in manifest.json (and the localisation
// files) from a parameter file and/or environment variables, zips manifest + en.json + icons,
// then validates the zip (validate.js). One command:
//   node build.js [params-file] [--out <zip>]
// Environment variables override the file. Default output: out/vp-wijzer-<APP_VERSION>.zip
const fs = require('node:fs');
const path = require('node:path');
const { writeZip } = require('./lib/zip');
const { validatePackage } = require('./validate');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PARAMETERS = {
  TEAMS_APP_ID: (v) => GUID.test(v) || 'must be a GUID (generate one once, keep it for every update)',
  BOT_ID: (v) => GUID.test(v) || "must be a GUID: the bot identity's client id (infra output botId)",
  BOT_DOMAIN: (v) => /^(?!https?:)[a-z0-9.-]+\.[a-z]{2,}$/i.test(v) || 'must be a host name without https://, e.g. vp-wijzer.example.nl',
  ORGANISATION_NAME: (v) => (v.length > 0 && v.length <= 32) || 'must be 1 to 32 characters',
  WEBSITE_URL: (v) => v.startsWith('https://') || 'must start with https://',
  PRIVACY_URL: (v) => v.startsWith('https://') || 'must start with https://',
  TERMS_URL: (v) => v.startsWith('https://') || 'must start with https://',
  APP_VERSION: (v) => /^\d+\.\d+\.\d+$/.test(v) || 'must be a version like 1.0.0',
};

function readParams(file) {
  const params = {};
  if (file) {
    for (const [i, line] of fs.readFileSync(file, 'utf8').split(/\r?\n/).entries()) {
      if (!line.trim() || line.trim().startsWith('#')) continue;
      const m = /^\s*([A-Z_]+)\s*=\s*(.*?)\s*$/.exec(line);
      if (!m) throw new Error(`${file}:${i + 1}: expected NAME=value`);
      params[m[1]] = m[2].replace(/^"(.*)"$/, '$1');
    }
  }
  for (const name of Object.keys(PARAMETERS)) if (process.env[name]) params[name] = process.env[name];
  return params;
}

function fill(text, params, fileName) {
  return text.replace(/\$\{\{([A-Z_]+)\}\}/g, (whole, name) => {
    if (!(name in PARAMETERS)) throw new Error(`${fileName}: unknown parameter ${whole}`);
    return JSON.stringify(params[name]).slice(1, -1);
  });
}

async function build(argv) {
  const outIndex = argv.indexOf('--out');
  const out = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  const file = argv.find((a, i) => !a.startsWith('--') && (outIndex < 0 || i !== outIndex + 1));
  const params = readParams(file);
  const errors = Object.entries(PARAMETERS)
    .map(([name, check]) => (params[name] === undefined ? `${name}: missing` : check(params[name]) === true ? null : `${name}: ${check(params[name])}`))
    .filter(Boolean);
  if (errors.length) throw new Error(`parameters not valid:\n  ${errors.join('\n  ')}`);

  const src = (name) => fs.readFileSync(path.join(__dirname, name));
  const manifest = JSON.parse(fill(src('manifest.json').toString('utf8'), params, 'manifest.json'));
  const entries = [{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2)) }];
  for (const lang of manifest.localizationInfo?.additionalLanguages ?? []) {
    entries.push({ name: lang.file, data: Buffer.from(fill(src(lang.file).toString('utf8'), params, lang.file)) });
  }
  entries.push({ name: manifest.icons.color, data: src(manifest.icons.color) });
  entries.push({ name: manifest.icons.outline, data: src(manifest.icons.outline) });

  const zipPath = path.resolve(out ?? path.join(__dirname, 'out', `vp-wijzer-${params.APP_VERSION}.zip`));
  fs.mkdirSync(path.dirname(zipPath), { recursive: true });
  fs.writeFileSync(zipPath, writeZip(entries));

  const problems = await validatePackage(zipPath);
  if (problems.length) {
    fs.rmSync(zipPath, { force: true });
    throw new Error(`the package does not validate:\n  ${problems.join('\n  ')}`);
  }
  return zipPath;
}

module.exports = { build };

if (require.main === module) {
  build(process.argv.slice(2)).then(
    (zip) => console.log(`built and validated ${zip}`),
    (e) => { console.error(`build failed: ${e.message}`); process.exit(1); },
  );
}
