#!/usr/bin/env bash
# Install coalsim on this machine. Idempotent: safe to run again; it says what it installs.
#
#   scripts/install.sh          the system libraries node-canvas builds against (Debian/Ubuntu),
#                               the npm dependencies (npm ci), and the build (dist/)
#   scripts/install.sh --dev    also what the test suite uses: Chromium (the HTML report is tested
#                               in a real browser) and Slurm + munge (the cluster path is tested on
#                               a real single-node Slurm)
#
# Without root or sudo, system packages are skipped with a note: if node-canvas cannot build, PNG
# charts are unavailable and coalsim says so; everything else works.
set -euo pipefail
cd "$(dirname "$0")/.."

dev=0
for arg in "$@"; do
  case "$arg" in
    --dev) dev=1 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done

say() { printf 'install: %s\n' "$*"; }

major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 20 ]; then
  echo "install: coalsim needs Node.js 20 or newer (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

# Debian packages: node-canvas (PNG charts) compiles against cairo and pango when no prebuilt
# binary can be downloaded, as on machines without general internet access. The charts draw
# their text in DejaVu Sans, so that font is installed too (same PNGs everywhere).
pkgs=(build-essential pkg-config libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev fonts-dejavu-core)
if [ "$dev" = 1 ]; then
  pkgs+=(chromium slurm-wlm munge)
fi

if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "system packages present: ${pkgs[*]}"
  else
    sudo=""
    if [ "$(id -u)" != 0 ]; then
      if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"; else sudo="none"; fi
    fi
    if [ "$sudo" = none ]; then
      say "not root and no sudo: skipping system packages ${missing[*]} (PNG charts may be unavailable)"
    else
      say "installing system packages: ${missing[*]}"
      $sudo apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
  fi
else
  say "not a Debian-like system: install cairo and pango development packages yourself if PNG charts are wanted"
fi

# npm ci installs exactly the lock file, which lists every platform's optional binaries
# (@swc/core-*, ...) so it is valid everywhere; npm skips those for other platforms. It never
# rewrites package-lock.json, so a fresh checkout stays clean. If it refuses the lock, the lock
# is out of date with package.json: regenerate it with `npm install` and commit it.
say "npm dependencies (npm ci)"
npm ci --no-fund --no-audit --loglevel=error
say "building (npm run build)"
npm run --silent build
if node -e 'require("canvas")' 2>/dev/null; then say "PNG charts: available"; else say "PNG charts: unavailable (node-canvas did not build); runs still write data and the HTML report"; fi
say "done. Try: npx coalsim run"
