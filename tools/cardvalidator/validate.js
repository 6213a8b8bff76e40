// Validates Adaptive Cards with the official object model (npm "adaptivecards"), target version 1.5.
// Input: a JSON file (argv[2]) holding an array of { "name": string, "card": object }.
// Output: one JSON line per card: { "name", "errors": [ "…" ] }. Exit code 0 when the run worked
// (errors are reported, not thrown), 2 when the input itself was unusable.
'use strict';
const fs = require('fs');
const AC = require('adaptivecards/dist/adaptivecards.js');

function validate(cardJson) {
  const errors = [];
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const card = new AC.AdaptiveCard();
  card.parse(cardJson, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    errors.push(`parse: ${AC.ValidationEvent[e.event] || e.event}: ${e.message}`);
  }
  const results = card.validateProperties();
  for (const e of results.validationEvents) {
    errors.push(`validate: ${AC.ValidationEvent[e.event] || e.event}: ${e.message}`);
  }
  if (cardJson.version !== '1.5' && !/^1\.[0-5]$/.test(cardJson.version || '')) {
    errors.push(`version ${cardJson.version} is above what Teams renders (1.5)`);
  }
  return errors;
}

let input;
try {
  input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
} catch (e) {
  console.error('unusable input: ' + e.message);
  process.exit(2);
}
for (const item of input) {
  console.log(JSON.stringify({ name: item.name, errors: validate(item.card) }));
}
