#!/usr/bin/env bash
# Anonymous figures (issue 9): the chart text needs a sans-serif font; the figures tests run again
# on their own so a failure there is easy to spot in the CI log.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && command -v apt-get >/dev/null; then
  echo "ci(figures): installing fonts-dejavu-core"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core) >/dev/null
fi
dotnet test bot.tests --no-build --filter "FullyQualifiedName~VpWijzer.Tests.Figures"
