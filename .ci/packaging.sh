#!/usr/bin/env bash
# CI for packaging (issue 7): the Teams app package, the Bicep, and the end-to-end test in the
# Microsoft 365 Agents Playground. Called at the end of .ci/run; assumes `dotnet build TeamsBot.sln`
# already ran (bot/bin/Debug/net10.0/VpWijzer.Bot.dll). Works on a fresh Debian machine as root.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 # never download a browser; Debian's chromium is used

BICEP_VERSION=0.49.2
BOT_DLL=bot/bin/Debug/net10.0/VpWijzer.Bot.dll

need_apt=()
command -v node >/dev/null || need_apt+=(nodejs npm)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "packaging: installing ${need_apt[*]}"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}") >/dev/null
fi

# ---- Teams app package ----
echo "packaging: Teams app package"
(cd manifest && npm ci --no-audit --no-fund --loglevel=error)
# Tests: a good package passes; broken ones (schema, parameters, localisation, icons) are caught.
(cd manifest && node --test --test-reporter=spec test.js)
# The one-command build, with the example parameters, validated by @microsoft/app-manifest + icon checks.
manifest/build.sh manifest/params.example.env --out manifest/out/vp-wijzer-ci.zip
# And once more through the CLI: a package with a broken manifest must make validate.js fail.
broken=manifest/out/broken.zip
node -e '
  const fs = require("fs"); const { readZip, writeZip } = require("./manifest/lib/zip");
  const files = readZip(fs.readFileSync(process.argv[1]));
  const m = JSON.parse(files.get("manifest.json")); delete m.bots[0].botId; m.accentColor = "teal";
  files.set("manifest.json", Buffer.from(JSON.stringify(m)));
  fs.writeFileSync(process.argv[2], writeZip([...files].map(([name, data]) => ({ name, data }))));
' manifest/out/vp-wijzer-ci.zip "$broken"
if node manifest/validate.js "$broken" >manifest/out/broken.txt 2>&1; then
  echo "packaging: FAILED: validate.js accepted a manifest without botId and with accentColor 'teal'" >&2
  exit 1
fi
grep -q "botId" manifest/out/broken.txt && grep -q "accentColor" manifest/out/broken.txt \
  || { echo "packaging: FAILED: validate.js rejected the broken manifest for the wrong reasons:" >&2; cat manifest/out/broken.txt >&2; exit 1; }
echo "packaging: broken manifest rejected as expected ($(wc -l <manifest/out/broken.txt) problems)"

# ---- Bicep ----
echo "packaging: Bicep $BICEP_VERSION"
dotnet restore tools/bicep/bicep.csproj --verbosity quiet
packages="${NUGET_PACKAGES:-$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')}"
bicep="${packages%/}/azure.bicep.commandline.linux-x64/$BICEP_VERSION/tools/bicep"
chmod +x "$bicep"
"$bicep" --version

bicep_clean() { # runs bicep, fails on any diagnostic (warnings included)
  local out
  if ! out="$("$bicep" "$@" 2>&1)"; then
    echo "$out" >&2
    echo "packaging: FAILED: bicep $*" >&2
    return 1
  fi
  if grep -Eq "Warning|Error" <<<"$out"; then
    echo "$out" >&2
    echo "packaging: FAILED: bicep $* reported diagnostics (zero warnings required)" >&2
    return 1
  fi
}
bicep_out="$(mktemp -d)"
trap 'rm -rf "$bicep_out"' EXIT
bicep_clean build infra/main.bicep --outdir "$bicep_out"
bicep_clean lint infra/main.bicep
# The example parameter file reads the salt from the environment; any value will do for the build.
VPW_STATE_KEY_SALT=ci-only-not-a-secret-0123456789abcdef bicep_clean build-params infra/main.bicepparam --outfile "$bicep_out/main.parameters.json"
VPW_STATE_KEY_SALT=ci-only-not-a-secret-0123456789abcdef bicep_clean lint infra/main.bicepparam
# The rules really are errors: an unused parameter must fail the lint.
cp infra/main.bicep infra/bicepconfig.json "$bicep_out/"
printf "\nparam unusedInCi string = 'x'\n" >>"$bicep_out/main.bicep"
if "$bicep" lint "$bicep_out/main.bicep" >/dev/null 2>&1; then
  echo "packaging: FAILED: bicep lint accepted an unused parameter; is bicepconfig.json applied?" >&2
  exit 1
fi
echo "packaging: Bicep builds and lints with zero warnings; an unused parameter is an error"

# ---- End to end in the Agents Playground ----
echo "packaging: end-to-end test in the Microsoft 365 Agents Playground (headless Chromium)"
[ -f "$BOT_DLL" ] || { echo "packaging: FAILED: $BOT_DLL missing; run dotnet build TeamsBot.sln first" >&2; exit 1; }
(cd e2e && npm ci --no-audit --no-fund --loglevel=error)
node e2e/playground.e2e.js "$BOT_DLL"
