#!/usr/bin/env bash
# Renders the sample programme's gap report as HTML (`realise gaps imports/ --format html`), checks that it is
# self-contained and well-formed, and, when Chromium is installed, takes a headless screenshot to prove it
# renders. Prints a skip message (and still succeeds) when Chromium is absent.
#
#   Scripts/check-html-render.sh            build, render the sample and check it
#   Scripts/check-html-render.sh FILE.html  check an HTML report that is already written
#
# Output: /tmp/realise-report.html and /tmp/realise-report.png (override with REALISE_HTML / REALISE_PNG).
set -euo pipefail
cd "$(dirname "$0")/.."

html=${REALISE_HTML:-/tmp/realise-report.html}
png=${REALISE_PNG:-/tmp/realise-report.png}

fail() { echo "check-html-render: FAIL: $*" >&2; exit 1; }

if [ $# -ge 1 ]; then
    html=$1
    [ -f "$html" ] || fail "$html does not exist"
else
    echo "building realise…"
    swift build --product realise
    echo "rendering the sample programme to $html"
    rm -f "$html"
    swift run --skip-build realise gaps imports/ --as-of 2025-10-31 --format html --output "$html"
fi

# The file itself: present, HTML, no script, no remote assets.
[ -s "$html" ] || fail "$html is empty"
head -c 15 "$html" | grep -q '<!DOCTYPE html>' || fail "$html does not start with <!DOCTYPE html>"
if grep -qi '<script' "$html"; then fail "$html contains a <script> element"; fi
if grep -Eqi '(src|href)[[:space:]]*=[[:space:]]*["'"'"']?[[:space:]]*(https?:)?//' "$html"; then
    fail "$html loads a remote asset"
fi
svgs=$(grep -o '<svg' "$html" | wc -l)
echo "ok: $html ($(wc -c < "$html") bytes, $svgs inline SVG figures)"
if command -v xmllint >/dev/null 2>&1; then
    xmllint --noout --nonet "$html" || fail "$html is not well-formed"
    echo "ok: well-formed (xmllint)"
fi

# A headless screenshot, when a Chromium is at hand.
browser=""
for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
if [ -z "$browser" ]; then
    echo "skip: no chromium installed, so no screenshot was taken (Debian: apt-get install chromium)"
    exit 0
fi
rm -f "$png"
case "$html" in /*) url="file://$html" ;; *) url="file://$PWD/$html" ;; esac
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --screenshot="$png" --window-size=1400,4000 "$url" >/dev/null 2>&1 || fail "$browser could not render $html"
[ -s "$png" ] || fail "the screenshot $png is empty"
head -c 8 "$png" | grep -q 'PNG' || fail "the screenshot $png is not a PNG"
echo "ok: screenshot $png ($(wc -c < "$png") bytes) taken with $browser"
