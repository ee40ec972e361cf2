#!/usr/bin/env bash
# Lighthouse (mobile) scores for the plan home, initiative index, an initiative page and
# the KPI page of the built sample site, using Debian's chromium (no browser download).
#
#   bash bench/lighthouse.sh            # needs node/npm; installs lighthouse into bench/.node/
#
# Serves site/ on 127.0.0.1 with gzip (as any production server would) and prints one line per page with the four category scores.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d site ] || python3 dev.py site
if [ ! -x bench/.node/node_modules/.bin/lighthouse ]; then
  mkdir -p bench/.node && (cd bench/.node && npm init -y >/dev/null && npm install --silent lighthouse)
fi
PORT=${PORT:-8765}
python3 bench/serve_gzip.py site "$PORT" &
SERVER=$!
trap 'kill $SERVER' EXIT
sleep 1
export CHROME_PATH=/usr/bin/chromium
for page in gotsu/ kashima/initiatives/ kashima/initiatives/no09/ kashima/kpi/; do
  out=$(mktemp)
  bench/.node/node_modules/.bin/lighthouse "http://127.0.0.1:$PORT/$page" --quiet --output=json --output-path="$out" \
    --only-categories=performance,accessibility,best-practices,seo --form-factor=mobile \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" >/dev/null 2>&1 || true
  python3 - "$out" "$page" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
scores = {k: round(v["score"] * 100) if v["score"] is not None else None for k, v in data["categories"].items()}
print(f"{sys.argv[2]:32} performance {scores['performance']:>3}  accessibility {scores['accessibility']:>3}  "
      f"best-practices {scores['best-practices']:>3}  seo {scores['seo']:>3}")
PY
  rm -f "$out"
done
