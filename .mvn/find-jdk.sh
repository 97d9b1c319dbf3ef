# Sourced (POSIX sh) by ./mvnw, ./takt and .ci/run: finds a JDK 21 or newer and exports JAVA_HOME.
# Order: JAVA_HOME, the java on PATH, then the usual install folders. Says plainly when there is none.
takt_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
takt_try_jdk() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  takt_major=$(takt_java_major "$1")
  [ -n "$takt_major" ] && [ "$takt_major" -ge 21 ] || return 1
  JAVA_HOME="$1"
  PATH="$JAVA_HOME/bin:$PATH"
  export JAVA_HOME PATH
}
takt_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && takt_try_jdk "$JAVA_HOME"; then return 0; fi
  if command -v java >/dev/null 2>&1; then
    takt_try_jdk "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")" && return 0
  fi
  for takt_dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* \
                  /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$takt_dir" ] && takt_try_jdk "$takt_dir" && return 0
  done
  echo "Takt needs a JDK 21 or newer, and none was found (looked at JAVA_HOME, PATH and /usr/lib/jvm)." >&2
  echo "Install one (for example Temurin 21) and set JAVA_HOME to it." >&2
  return 1
}
takt_find_jdk || exit 1
