#!/usr/bin/env bash
# Runs every benchmark of docs/BENCHMARKS.md and writes its tables and plot.
# Usage, from the repository root:  benchmarks/run.sh [results-dir]    (about 35 minutes)
# Quick look (one short iteration each, ~8 minutes):  QUICK=1 benchmarks/run.sh
# Needs nothing but the JDK, Node.js and the Maven wrapper: the local AWS stack (S3Mock,
# dynalite) is installed by the build and started by the benchmarks themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-benchmarks/target/results}
mkdir -p "$out"
./mvnw -q package -DskipTests -pl function,benchmarks -am
jar=benchmarks/target/benchmarks.jar
runs=${RUNS:-100,1000,3000,10000,30000,largest}
if [[ -n "${QUICK:-}" ]]; then
  jmh=(-wi 1 -i 2 -w 1 -r 1); runs=${RUNS:-1000,10000,largest}; rounds=3; ratio_rounds=5
else
  jmh=(); rounds=7; ratio_rounds=21
fi
{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "node: $(node --version) (dynalite 4.0.0), S3Mock 4.12.4"
  echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with local changes)'), $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "command: benchmarks/run.sh${QUICK:+ (QUICK=1)}"
} > "$out/machine.txt"
java -cp "$jar" io.runpack.benchmarks.DocumentSizes > "$out/document-sizes.jsonl"
java -jar "$jar" ExportCoreBenchmark -prof gc "${jmh[@]}" -rf json -rff "$out/core.json" | tee "$out/core.log" | grep -E '^(Benchmark|ExportCore)' | grep -v 'gc\.'
java -Xms1g -Xmx1g -cp "$jar" io.runpack.benchmarks.CoreRatioProbe "${ratio_rounds}" | tee "$out/core-ratios.jsonl"
java -Xms3g -Xmx3g -cp "$jar" io.runpack.benchmarks.EndToEndBenchmark ${runs//,/ } | tee "$out/e2e.jsonl"
java -Xmx3g -cp "$jar" io.runpack.benchmarks.EndToEndProbe ${runs//,/ } --min-heap | tee "$out/probe.jsonl"
java -Xmx1g -cp "$jar" io.runpack.benchmarks.ColdStartProbe function/target/function.zip benchmarks/target/lambda-ric "$rounds" | tee "$out/cold-start.jsonl"
java -Xmx1g -cp "$jar" io.runpack.benchmarks.PrimedStartProbe function/target/function.zip benchmarks/target/lambda-ric "$rounds" | tee "$out/primed-start.jsonl"
python3 benchmarks/report.py "$out" > /dev/null
echo "tables: $out/results.md, plot: $out/growth.svg"
