#!/usr/bin/env bash
# Lighthouse (mobile preset) scores for one page of every page type of the built sample
# site, using Debian's chromium (no browser download) and `npx lighthouse` from the npm registry.
#
#   bash bench/lighthouse.sh [SITE_DIR]     # needs node/npm; prints a Markdown table
#
# Serves SITE_DIR (default site/) on 127.0.0.1 with gzip (as any production server would),
# missing addresses get 404.html like a configured web server.
set -euo pipefail
cd "$(dirname "$0")/.."
SITE=${1:-site}
[ -d "$SITE" ] || python3 dev.py site
LIGHTHOUSE_VERSION=13.5.0
PORT=${PORT:-8765}
python3 bench/serve_gzip.py "$SITE" "$PORT" &
SERVER=$!
trap 'kill $SERVER' EXIT
sleep 1
export CHROME_PATH=/usr/bin/chromium
# One page of every page type, named and addressed as the tests do (tests/site_pages.py, with
# addresses from generator/pages/urls.py). Lighthouse scores no page served with status 404,
# so the 404 page is measured at its own address.
mapfile -t PAGES < <(.venv/bin/python - <<'PY'
from generator.pages import urls
from tests.site_pages import SAMPLE
for name, address in SAMPLE.items():
    if name not in ("initiative with schedule", "error list", "404"):
        print(f"{name.replace(' ', '-')}={address}")
print(f"404={urls.NOT_FOUND}")
PY
)
echo "| page type | page | performance | accessibility | best practices | SEO |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"
for entry in "${PAGES[@]}"; do
  name=${entry%%=*}
  page=${entry#*=}
  out=$(mktemp)
  npx --yes "lighthouse@$LIGHTHOUSE_VERSION" "http://127.0.0.1:$PORT/$page" --quiet --output=json --output-path="$out" \
    --only-categories=performance,accessibility,best-practices,seo --form-factor=mobile \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" >/dev/null 2>&1 || true
  python3 - "$out" "$name" "/$page" <<'PY'
import json, sys
try:
    data = json.load(open(sys.argv[1]))
    scores = {k: "—" if v["score"] is None else str(round(v["score"] * 100)) for k, v in data["categories"].items()}
except (ValueError, KeyError):
    scores = {}
row = [scores.get(k, "failed") for k in ("performance", "accessibility", "best-practices", "seo")]
print(f"| {sys.argv[2]} | `{sys.argv[3]}` | " + " | ".join(row) + " |")
PY
  rm -f "$out"
done
