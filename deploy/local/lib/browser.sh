# shellcheck shell=bash
# The browser tests' tools: Debian's Chromium (a test tool's own browser download does not work on
# these machines), a font with Chinese glyphs for the pages' 中文, and Node.js with npm, which build
# the web pages.
BROWSER_PACKAGES=(chromium fonts-wqy-microhei)

browser_install() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
  if [ ${#missing[@]} -gt 0 ]; then
    say "browser: installing ${missing[*]} (apt-get; a minute on a fresh machine)"
    (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; }) \
        >"$LOGS/browser-install.log" 2>&1 \
      || { show_log browser-install; die "could not install ${missing[*]} (needs root and the Debian mirror)"; }
  fi
  command -v npm >/dev/null || die "npm is missing: the web pages are built with the machine's Node.js and npm"
}
