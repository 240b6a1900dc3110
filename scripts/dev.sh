#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One entry point for a fresh Debian 12 machine:
#   scripts/dev.sh run [dcstudio args]   install what is missing, build, start the studio
#   scripts/dev.sh test                  install what is missing, build, check format, run every test
#   scripts/dev.sh build                 install what is missing and build
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

packages=(
  cmake ninja-build g++ ccache pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev libqt6svg6 libqt6sql6-sqlite
  libqt6opengl6-dev qt6-qpa-plugins libgl-dev libxkbcommon-dev libvulkan-dev
  libeigen3-dev libboost-dev
  clang-format sqlite3 xvfb xauth xdotool imagemagick poppler-utils fonts-dejavu-core
)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return
  fi
  echo "Installing: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  install_missing
  cmake --preset default >/dev/null
  cmake --build --preset default
}

check_format() {
  local files
  files=$(git ls-files '*.cpp' '*.h' 2>/dev/null || find core widgets app tests -name '*.cpp' -o -name '*.h')
  # shellcheck disable=SC2086
  clang-format --dry-run --Werror $files
  echo "clang-format: $(echo "$files" | wc -w) files clean"
}

case "${1:-run}" in
  build)
    build
    ;;
  test)
    build
    check_format
    export QT_QPA_PLATFORM=offscreen
    ctest --test-dir build --output-on-failure -j "$(nproc)"
    ;;
  run)
    shift || true
    build
    args=("$@")
    [ ${#args[@]} -gt 0 ] || args=(--template dgx-superpod-h100-1su)
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      exec build/app/dcstudio "${args[@]}"
    fi
    echo "No display: starting DC Studio under a virtual X server (xvfb-run); nothing will show."
    echo "Press Ctrl+C to stop. To see it, run on a desktop, or: scripts/studio-screenshot.sh"
    if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
      XDG_RUNTIME_DIR=$(mktemp -d)
      export XDG_RUNTIME_DIR
    fi
    exec xvfb-run -a -s "-screen 0 1440x900x24" build/app/dcstudio "${args[@]}"
    ;;
  *)
    echo "usage: scripts/dev.sh [run|test|build]" >&2
    exit 2
    ;;
esac
