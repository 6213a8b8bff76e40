#!/usr/bin/env bash
# Builds and validates the Teams app package in one command:
#   manifest/build.sh params.env            -> manifest/out/vp-wijzer-<version>.zip
#   TEAMS_APP_ID=... BOT_ID=... manifest/build.sh params.env --out /tmp/app.zip   (env overrides the file)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -d "$here/node_modules/@microsoft/app-manifest" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
exec node "$here/build.js" "$@"
