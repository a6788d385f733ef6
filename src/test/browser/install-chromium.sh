#!/usr/bin/env bash
# Installs Debian's Chromium and its ChromeDriver where they are missing, for the browser tests
# (kz.qorgau.external.ExternalPageBrowserTest runs this before it starts the browser). Browser builds cannot be
# downloaded here, and a test tool's own download would fail: Debian's packages are the browser the tests use.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=sudo
  else
    echo "chromium and chromium-driver are missing and this user cannot install them: apt-get install chromium chromium-driver" >&2
    exit 1
  fi
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
/usr/bin/chromium --version
/usr/bin/chromedriver --version
