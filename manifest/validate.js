'use strict';
// Validates a built Teams app package (zip) the way IT will upload it:
//   1. the official schema check: @microsoft/app-manifest's AppManifestUtils.validateAgainstSchema,
//      with the schema bundled in that package (offline; never fetched);
//   2. every localisation file against its bundled localisation schema, and its keys against the manifest;
//   3. our own checks the schema cannot do: files referenced exist, no unfilled ${{PARAMETERS}},
//      bot id = webApplicationInfo id, icon sizes, outline icon white on transparent.
// Usage: node validate.js <package.zip>   (exit 1 with one line per problem)
const fs = require('node:fs');
const path = require('node:path');
const { AppManifestUtils } = require('@microsoft/app-manifest');
const { readZip } = require('./lib/zip');
const { decode } = require('./lib/png');
const AjvDraft04 = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const SCHEMA_ROOT = path.join(path.dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas');

/** The schema bundled with the validator for a developer.microsoft.com schema URL; throws when it is not bundled. */
function bundledSchema(url) {
  const m = /\/json-schemas\/(teams\/v[^/]+\/[^/]+\.json)$/.exec(url ?? '');
  if (!m) throw new Error(`$schema "${url}" is not a Teams schema URL on developer.microsoft.com`);
  const file = path.join(SCHEMA_ROOT, m[1]);
  if (!fs.existsSync(file)) throw new Error(`$schema "${url}" is not bundled with @microsoft/app-manifest (no ${m[1]})`);
  return JSON.parse(fs.readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
}

/**
 * The bundled localisation schema has patterns (`\\b` inside `[...]`) that do not compile as
 * Unicode regular expressions, so AppManifestUtils.validateAgainstSchema throws on it. Same AJV
 * (draft-04) and formats as the validator uses, with non-Unicode patterns.
 */
function validateLocalization(loc, schema) {
  const ajv = new AjvDraft04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  return validate(loc) ? [] : validate.errors.map((e) => `${e.instancePath} ${e.message ?? ''}. Details: ${JSON.stringify(e.params)}`);
}

function parseJson(files, name, problems) {
  const buf = files.get(name);
  if (!buf) { problems.push(`${name}: missing from the package`); return null; }
  try { return JSON.parse(buf.toString('utf8').replace(/^\uFEFF/, '')); } catch (e) { problems.push(`${name}: not valid JSON (${e.message})`); return null; }
}

/** Resolves a localisation key such as "bots[0].commandLists[0].commands[1].title" in the manifest. */
function resolveKey(manifest, key) {
  let node = manifest;
  for (const part of key.split('.')) {
    const m = /^([A-Za-z]+)(?:\[(\d+)\])?$/.exec(part);
    if (!m || node == null) return undefined;
    node = node[m[1]];
    if (m[2] !== undefined) node = Array.isArray(node) ? node[Number(m[2])] : undefined;
  }
  return node;
}

function checkIcon(files, name, size, problems, outline) {
  const buf = files.get(name);
  if (!buf) { problems.push(`${name}: icon missing from the package`); return; }
  let img;
  try { img = decode(buf); } catch (e) { problems.push(`${name}: ${e.message}`); return; }
  if (img.width !== size || img.height !== size) problems.push(`${name}: must be ${size}x${size} pixels, is ${img.width}x${img.height}`);
  if (!outline) return;
  let coloured = 0, transparent = 0;
  for (let i = 0; i < img.width * img.height; i++) {
    const [r, g, b, a] = img.rgba.subarray(i * 4, i * 4 + 4);
    if (a === 0) transparent++;
    else if (r !== 255 || g !== 255 || b !== 255) coloured++;
  }
  if (coloured > 0) problems.push(`${name}: outline icon must be white on transparent; ${coloured} pixel(s) are not white`);
  if (transparent === 0) problems.push(`${name}: outline icon has no transparent background`);
  const corner = (x, y) => img.rgba[(y * img.width + x) * 4 + 3];
  const w = img.width - 1, h = img.height - 1;
  if (img.width && [corner(0, 0), corner(w, 0), corner(0, h), corner(w, h)].some((a) => a !== 0)) {
    problems.push(`${name}: outline icon corners must be transparent (background, not a filled square)`);
  }
}

async function validatePackage(zipPath) {
  const problems = [];
  let files;
  try { files = readZip(fs.readFileSync(zipPath)); } catch (e) { return [`${zipPath}: ${e.message}`]; }
  for (const name of files.keys()) {
    if (name.includes('/')) problems.push(`${name}: files must be at the root of the package, not in a folder`);
  }

  const manifest = parseJson(files, 'manifest.json', problems);
  if (!manifest) return problems;

  let schema;
  try { schema = bundledSchema(manifest.$schema); } catch (e) { problems.push(`manifest.json: ${e.message}`); return problems; }
  const version = /\/v([^/]+)\//.exec(manifest.$schema)[1];
  if (manifest.manifestVersion !== version) problems.push(`manifest.json: manifestVersion "${manifest.manifestVersion}" does not match $schema v${version}`);
  for (const error of await AppManifestUtils.validateAgainstSchema(manifest, schema)) problems.push(`manifest.json: schema: ${error}`);

  const raw = files.get('manifest.json').toString('utf8');
  for (const m of new Set(raw.match(/\$\{\{[A-Z_]+\}\}/g) ?? [])) problems.push(`manifest.json: parameter ${m} was not filled in`);

  const bot = manifest.bots?.[0];
  if (!bot) problems.push('manifest.json: no bot');
  else {
    if (JSON.stringify(bot.scopes) !== JSON.stringify(['personal'])) problems.push('manifest.json: the bot must be installed in personal scope only (1:1 keeps questions private)');
    if (manifest.webApplicationInfo && manifest.webApplicationInfo.id !== bot.botId) problems.push('manifest.json: webApplicationInfo.id must be the bot id');
  }

  for (const lang of manifest.localizationInfo?.additionalLanguages ?? []) {
    const loc = parseJson(files, lang.file, problems);
    if (!loc) continue;
    try {
      for (const error of validateLocalization(loc, bundledSchema(loc.$schema))) problems.push(`${lang.file}: schema: ${error}`);
    } catch (e) { problems.push(`${lang.file}: ${e.message}`); }
    for (const key of Object.keys(loc)) {
      if (key === '$schema') continue;
      if (resolveKey(manifest, key) === undefined) problems.push(`${lang.file}: key "${key}" has no counterpart in manifest.json`);
    }
  }

  checkIcon(files, manifest.icons?.color ?? 'color.png', 192, problems, false);
  checkIcon(files, manifest.icons?.outline ?? 'outline.png', 32, problems, true);
  return problems;
}

module.exports = { validatePackage };

if (require.main === module) {
  const zip = process.argv[2];
  if (!zip) { console.error('usage: node validate.js <package.zip>'); process.exit(2); }
  validatePackage(zip).then((problems) => {
    if (problems.length) {
      for (const p of problems) console.error(`invalid: ${p}`);
      process.exit(1);
    }
    console.log(`${zip}: valid (schema ${SCHEMA_ROOT.includes('app-manifest') ? '@microsoft/app-manifest' : ''} bundled, icons ok)`);
  }, (e) => { console.error(e); process.exit(1); });
}
