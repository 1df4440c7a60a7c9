#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (Playwright cannot download browsers here), with
# CJK fonts so pages (and their printed A4 sheets) lay out as a reader's browser would.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "CJK" || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "Missing: ${need[*]}: run 'sudo apt-get install ${need[*]}' / 缺少 ${need[*]}：请运行 'sudo apt-get install ${need[*]}'" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
