# Sourced by mvnw: makes sure Maven runs on a JDK 21 or newer without the user setting JAVA_HOME.
# Keeps a suitable JAVA_HOME; otherwise picks the newest JDK 21+ from the usual install folders.
formasi_jdk_major() {
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  elif [ -x "$1/bin/java" ]; then
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
  fi
}
formasi_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(formasi_jdk_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  set +f # mvnw runs with globbing off; the search needs it
  formasi_best="" formasi_best_major=0
  formasi_path_java=$(command -v javac 2>/dev/null || true)
  if [ -n "$formasi_path_java" ]; then
    formasi_path_java=$(dirname "$(dirname "$(readlink -f "$formasi_path_java")")")
  fi
  for formasi_dir in $formasi_path_java /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* \
      "${HOME-}"/.sdkman/candidates/java/* "${HOME-}"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$formasi_dir/bin/javac" ] || continue
    formasi_major=$(formasi_jdk_major "$formasi_dir")
    [ -n "$formasi_major" ] || continue
    if [ "$formasi_major" -ge 21 ] && [ "$formasi_major" -gt "$formasi_best_major" ]; then
      formasi_best=$formasi_dir formasi_best_major=$formasi_major
    fi
  done
  set -f
  if [ -z "$formasi_best" ]; then
    echo "Formasi needs a JDK 21 or newer, and none was found: install one (for example Temurin 21, or 'apt-get install openjdk-21-jdk') or set JAVA_HOME to it." >&2
    exit 1
  fi
  JAVA_HOME=$formasi_best
  export JAVA_HOME
}
formasi_find_jdk
