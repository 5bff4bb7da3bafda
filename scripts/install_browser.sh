#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium; it never downloads one).
set -euo pipefail
exec bash "$(dirname "$0")/install_debian.sh" /usr/bin/chromium chromium
