#!/usr/bin/env bash
# Installs one Debian package unless the file that proves it is installed is already there.
# Usage: scripts/install_debian.sh FILE PACKAGE   (e.g. /usr/bin/chromium chromium)
set -euo pipefail

file="$1"
package="$2"
if [ -e "$file" ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
else
    SUDO=""
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "$package" >/dev/null
if [ ! -e "$file" ]; then
    echo "error: $package did not install $file (install Debian's $package by hand)" >&2
    exit 1
fi
