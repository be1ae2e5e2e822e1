# Sourced by scripts/run-app, scripts/run-tests and scripts/build-bundle: installs whatever is
# missing, quickly skipping whatever is already there. Usage: setup_all app|test|bundle
# (each purpose includes the ones before it: bundle = test + PyInstaller).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

# Shared libraries the Qt WebEngine window needs on a clean Debian/Ubuntu.
APP_APT_PACKAGES=(libnss3 libasound2 libegl1 libgl1 libgbm1 libglib2.0-0 libdbus-1-3
  libfontconfig1 libx11-xcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcomposite1
  libxdamage1 libxrandr2 libxtst6 libxkbfile1)
# A virtual screen and a robot for the end-to-end tests; libatomic1 for Playwright's driver;
# mkfs.vfat and fusefat for the FAT32 stick tests (the kernel may have no vfat module);
# faketime to set the clock back.
TEST_APT_PACKAGES=(xvfb xauth xdotool x11-utils libatomic1 dosfstools fusefat faketime)
# PyInstaller reads the binaries it collects with objdump and ldd (binutils, libc-bin).
BUNDLE_APT_PACKAGES=(binutils)

# sha256sum on Linux, shasum on macOS (which has no sha256sum).
digest() { if command -v sha256sum >/dev/null; then sha256sum "$1"; else shasum -a 256 "$1"; fi; }

say() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }

missing_apt_packages() {
  local pkg
  for pkg in "$@"; do
    # Ubuntu 24.04 renamed libasound2 to libasound2t64; either one will do.
    if [[ $pkg == libasound2 ]] && dpkg-query -W -f='${Status}' libasound2t64 2>/dev/null \
        | grep -q 'ok installed'; then
      continue
    fi
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || echo "$pkg"
  done
}

ensure_apt_packages() {
  [[ $(uname) == Darwin ]] && return  # macOS brings what WKWebView needs
  command -v dpkg-query >/dev/null || { say "Not Debian/Ubuntu: install Qt WebEngine's libraries yourself."; return; }
  local missing
  missing=$(missing_apt_packages "$@" | tr '\n' ' ')
  [[ -z ${missing// } ]] && return
  if [[ $(id -u) -eq 0 ]]; then
    say "Installing system libraries: $missing"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    say "These system libraries are missing. Install them, then run this command again:"
    echo "sudo apt-get install -y $missing"
    exit 1
  fi
}

ensure_tools() {
  command -v python3 >/dev/null || { say "Python 3.11+ is needed: sudo apt-get install -y python3 python3-venv"; exit 1; }
  python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { say "Python 3.11 or newer is needed; this is $(python3 --version)."; exit 1; }
  command -v npm >/dev/null || { say "Node.js 20.19+ with npm is needed to build the screens."; exit 1; }
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
    || { say "Node.js 20.19 or newer is needed; this is $(node --version)."; exit 1; }
}

# Runs "$@" unless the stamp file already holds the same fingerprint.
run_unless_stamped() {
  local stamp=$1 fingerprint=$2; shift 2
  [[ -f $stamp && $(cat "$stamp") == "$fingerprint" ]] && return
  "$@"
  echo "$fingerprint" >"$stamp"
}

# How much a purpose installs: a wider setup also serves every narrower one.
purpose_rank() {
  case $1 in app) echo 0 ;; test) echo 1 ;; bundle) echo 2 ;; *) echo -1 ;; esac
}

ensure_venv() {
  local purpose=$1
  if [[ ! -x $VENV/bin/python ]]; then
    say "Creating the virtual environment in .venv/"
    python3 -m venv "$VENV" || { say "python3 -m venv failed: sudo apt-get install -y python3-venv"; exit 1; }
  fi
  local base stamped=""
  base="$(digest "$ROOT/pyproject.toml" | cut -c1-16)"
  [[ -f $VENV/.setup-stamp ]] && stamped=$(cat "$VENV/.setup-stamp")
  # Don't reinstall when going from a wider setup to a narrower one (bundle -> test -> app).
  [[ ${stamped%-*} == "$base" && $(purpose_rank "${stamped##*-}") -ge $(purpose_rank "$purpose") ]] && return
  run_unless_stamped "$VENV/.setup-stamp" "$base-$purpose" install_python_packages "$purpose"
}

install_python_packages() {
  say "Installing Python packages"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  case $1 in
    bundle) "$VENV/bin/python" -m pip install -q -e "$ROOT[dev,bundle]" ;;
    test) "$VENV/bin/python" -m pip install -q -e "$ROOT[dev]" ;;
    *) "$VENV/bin/python" -m pip install -q -e "$ROOT" ;;
  esac
}

ensure_frontend() {
  local frontend=$ROOT/frontend web=$ROOT/backend/judo_manager/web
  run_unless_stamped "$frontend/node_modules/.setup-stamp" \
    "$(digest "$frontend/package-lock.json" | cut -c1-16)" \
    bash -c "echo '==> Installing npm packages' >&2; cd '$frontend' && npm ci --no-audit --no-fund --loglevel=error"
  if [[ ! -f $web/index.html ]] || [[ -n $(find "$frontend/src" "$frontend/index.html" \
      "$frontend/package-lock.json" "$frontend"/vite.config.* "$frontend"/tsconfig*.json \
      -newer "$web/index.html" -print -quit) ]]; then
    say "Building the screens (Vite)"
    (cd "$frontend" && npm run --silent build >/dev/null)
  fi
}

setup_all() {
  local purpose=$1
  ensure_tools
  case $purpose in
    bundle) ensure_apt_packages "${APP_APT_PACKAGES[@]}" "${TEST_APT_PACKAGES[@]}" "${BUNDLE_APT_PACKAGES[@]}" ;;
    test) ensure_apt_packages "${APP_APT_PACKAGES[@]}" "${TEST_APT_PACKAGES[@]}" ;;
    *) ensure_apt_packages "${APP_APT_PACKAGES[@]}" ;;
  esac
  ensure_venv "$purpose"
  ensure_frontend
}
