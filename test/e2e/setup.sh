#!/usr/bin/env bash
# Installs what the end-to-end tests need on a fresh Debian machine, using only Debian's
# packages and the npm registry (no browser download, no prebuilt binary from elsewhere):
#
#   - Debian packages: chromium (Playwright drives it through playwright-core, a devDependency),
#     fonts-liberation + fonts-wqy-zenhei (Latin and CJK glyphs in screenshots), neovim (the second LSP client), ripgrep (code-server's search, see below),
#     libkrb5-dev + pkg-config (to build code-server's kerberos addon from source), pre-commit + git
#     (the hook through pre-commit try-repo);
#   - code-server, VS Code served to a browser, from the npm registry.
#
# Idempotent: a second run only checks and prints where things are. Run as root (CI is).
#
#   usage: bash test/e2e/setup.sh
#   env:   CODE_SERVER_VERSION (default 4.100.3, the last line that runs on Node 20)
#          POLICYLINT_E2E_CACHE (default ~/.cache/policylint-e2e): where code-server goes;
#          it lives outside the work tree so that `npm ci` and fresh clones keep it.
#
# How code-server is installed, and why: its npm package normally runs a postinstall that
# downloads ripgrep from the internet and refuses to run as root. So we install it with
# --ignore-scripts and do by hand what that postinstall would do, from the registry only:
#   1. rebuild its own native addon (argon2) against this Node;
#   2. install the embedded VS Code's production dependencies (lib/vscode), again without
#      scripts, and rebuild each native addon from source (node-pty, watchers, spdlog, ...);
#   3. put Debian's `rg` where @vscode/ripgrep expects its downloaded binary;
#   4. VS Code loads its dependencies from node_modules.asar; a symlink to the plain
#      node_modules folder stands in for the archive;
#   5. install the dependencies of the built-in extensions (markdown, json, ...).
set -euo pipefail

version=${CODE_SERVER_VERSION:-4.100.3}
cache=${POLICYLINT_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/policylint-e2e}
dir="$cache/code-server-$version"
export npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

log() { printf '[e2e setup %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
start=$SECONDS

# --- Debian packages -------------------------------------------------------------------
need=()
for pkg in chromium fonts-liberation fonts-wqy-zenhei neovim ripgrep libkrb5-dev pkg-config pre-commit git; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "test/e2e/setup.sh: missing Debian packages (${need[*]}) and not root; install them with apt-get" >&2
    exit 1
  fi
  log "apt-get install ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
for cmd in chromium nvim rg; do
  command -v "$cmd" >/dev/null || { echo "test/e2e/setup.sh: $cmd not on PATH after install" >&2; exit 1; }
done

# --- code-server from the npm registry --------------------------------------------------
cs="$dir/node_modules/code-server"
stamp="$dir/.complete"
# Native addons that must have been built from source (a missing one only shows up as an
# error deep in a log: the extension host logs "Cannot find module ./build/Release/watchdog").
addons=(
  "$dir/node_modules/argon2/lib/binding/napi-v3/argon2.node"
  "$cs/lib/vscode/node_modules/node-pty/build/Release/pty.node"
  "$cs/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node"
  "$cs/lib/vscode/node_modules/native-watchdog/build/Release/watchdog.node"
  "$cs/lib/vscode/node_modules/kerberos/build/Release/kerberos.node"
)
complete() {
  [ -f "$stamp" ] && [ -x "$dir/node_modules/.bin/code-server" ] || return 1
  for f in "${addons[@]}"; do [ -f "$f" ] || { echo "missing $f" >&2; return 1; }; done
}
if ! complete; then
  log "installing code-server $version into $dir (first time: several minutes)"
  rm -rf "$dir" && mkdir -p "$dir"
  echo '{"private":true}' > "$dir/package.json"
  (cd "$dir" && npm install --ignore-scripts --no-package-lock "code-server@$version" >/dev/null)
  (cd "$dir" && npm rebuild argon2 >/dev/null)
  log "code-server: VS Code dependencies"
  (cd "$cs/lib/vscode" && npm install --omit=dev --ignore-scripts --no-package-lock >/dev/null)
  mkdir -p "$cs/lib/vscode/node_modules/@vscode/ripgrep/bin"
  cp "$(command -v rg)" "$cs/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
  log "code-server: building native addons"
  (cd "$cs/lib/vscode" && npm rebuild node-pty @parcel/watcher @vscode/spdlog kerberos \
      native-watchdog @vscode/deviceid @vscode/policy-watcher >/dev/null)
  ln -sfn node_modules "$cs/lib/vscode/node_modules.asar"
  log "code-server: built-in extensions' dependencies"
  (cd "$cs/lib/vscode/extensions" && npm install --omit=dev --ignore-scripts --no-package-lock >/dev/null)
  touch "$stamp"
  complete || { echo "test/e2e/setup.sh: code-server's native addons did not build (see above)" >&2; exit 1; }
fi
"$dir/node_modules/.bin/code-server" --version >/dev/null

# --- playwright-core (a devDependency; `npm ci` installs it) -----------------------------
root=$(cd "$(dirname "$0")/../.." && pwd)
[ -d "$root/node_modules/playwright-core" ] || { echo "test/e2e/setup.sh: playwright-core missing; run npm ci first" >&2; exit 1; }

log "ready in $((SECONDS - start)) s: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), $(nvim --version | head -1), code-server $version at $dir/node_modules/.bin/code-server"
