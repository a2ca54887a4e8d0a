#!/usr/bin/env bash
# Build stage of every service image: builds one module and gathers its jar and runtime dependencies in /app/lib.
# One reactor run, so that the module's sibling modules resolve from the build rather than a repository; only the
# module's own runtime classpath is copied (build-time modules such as the model importer stay out of the image).
set -euo pipefail
module="$1"
mvn -B -q -DskipTests -pl "$module" -am package dependency:build-classpath \
    -DincludeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt
mkdir -p /app/lib
tr ':' '\n' < "$module"/target/runtime-classpath.txt | xargs -I{} cp {} /app/lib/
# The module's jar, not its test jar (a module may publish test support to its siblings).
find "$module"/target -maxdepth 1 -name "vigil-$module-*.jar" ! -name '*-tests.jar' -exec cp {} /app/lib/ \;
