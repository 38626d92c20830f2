#!/usr/bin/env bash
# Merges what fuzzing found (fuzz/.cifuzz-corpus/) into the committed corpora
# (src/test/resources/.../*Inputs/), keeping only inputs that add coverage.
# Usage, from the repository root, after JAZZER_FUZZ=1 runs: fuzz/merge-corpus.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# One reactor run: compiles what the fuzz targets need and writes their classpath (fuzz is built last).
./mvnw -q -pl fuzz -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/fuzz/target/classpath.txt" -Dmdep.includeScope=test
cp="fuzz/target/test-classes:$(cat fuzz/target/classpath.txt)"
includes='io.runpack.domain.**:io.runpack.adapters.**:com.fasterxml.jackson.core.**'
resources=fuzz/src/test/resources/io/runpack/fuzz
for pair in Codec:CanonicalJsonFuzzTest/canonicalizeIsTypedAndAFixedPoint \
            Transcoder:CanonicalTranscoderFuzzTest/transcoderAgreesWithTheTreePath \
            Numbers:NumberFormattingFuzzTest/numbersAgreeWithTheBigDecimalReference \
            Request:RequestFuzzTest/requestHandlingIsTyped \
            Verifier:VerifierFuzzTest/verifierNeverPassesWhatDiffersFromTheManifest; do
  target=${pair%%:*}; test=${pair#*:}; class=${test%%/*}; method=${test#*/}
  grown="fuzz/.cifuzz-corpus/io.runpack.fuzz.$class/$method"
  committed="$resources/${class}Inputs/$method"
  [[ -d "$grown" ]] || continue
  merged=$(mktemp -d)
  java -cp "$cp" -Dtest.fixtures.dir="$(pwd)/fixtures/decision-gate" \
    com.code_intelligence.jazzer.Jazzer --target_class="io.runpack.fuzz.MergeTargets\$$target" \
    --instrumentation_includes="$includes" -merge=1 "$merged" "$committed" "$grown" >/dev/null 2>&1
  cp -n "$merged"/* "$committed"/ 2>/dev/null || true
  echo "$class: $(ls "$committed" | wc -l) inputs"
  rm -rf "$merged"
done
