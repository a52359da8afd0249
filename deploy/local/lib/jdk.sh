# shellcheck shell=bash
# Selects a JDK >= 21: JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm.
jdk_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

select_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(jdk_major "$JAVA_HOME")
    if [[ "$major" =~ ^[0-9]+$ ]] && (( major >= 21 )); then
      export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"; return
    fi
  fi
  for candidate in /usr/lib/jvm/*/; do
    candidate=${candidate%/}
    [ -x "$candidate/bin/javac" ] || continue
    major=$(jdk_major "$candidate")
    if [[ "$major" =~ ^[0-9]+$ ]] && (( major > best_major )); then best=$candidate best_major=$major; fi
  done
  (( best_major >= 21 )) || die "no JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}; newest under /usr/lib/jvm: ${best:-none}). Install a JDK >= 21 (e.g. Temurin 21/25 under /usr/lib/jvm) or set JAVA_HOME to one."
  export JAVA_HOME="$best" PATH="$best/bin:$PATH"
}
