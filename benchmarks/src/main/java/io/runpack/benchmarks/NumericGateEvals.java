package io.runpack.benchmarks;

import java.util.HexFormat;
import java.util.Random;

/**
 * Number-heavy gate evaluations: records shaped like {@link DecisionGateLogs}' gate evaluations
 * whose evidence carries about twelve doubles each — scores and confidences, latencies, an array of
 * weights, 1e-10-scale drifts and noise floors, 1e22-scale capacities and budgets — mostly at full
 * precision (16 or 17 significant digits), a few short. They are written as a Rust serializer
 * writes f64 (shortest digits, a lowercase exponent without '+', {@code 1e-10} rather than {@code
 * 1.0e-10}), so canonicalizing them rewrites most numbers: the exponents, and the layout of
 * 1e22-scale values (ECMAScript writes {@code 1.2e+22}).
 */
final class NumericGateEvals {

  private static final String[] STAGES = {"intake", "review", "approval", "fulfilment", "audit"};
  private static final HexFormat HEX = HexFormat.of();

  private NumericGateEvals() {}

  static String record(int index, Random r) {
    String stage = STAGES[index % STAGES.length];
    StringBuilder j = new StringBuilder(1024);
    j.append("{\"trigger_id\":\"trigger-")
        .append(index)
        .append("\",\"stage_id\":\"")
        .append(stage)
        .append("\",\"evaluation\":{\"gate_id\":\"gate-")
        .append(stage)
        .append(
            "\",\"status\":\"True\",\"trace\":[{\"condition_id\":\"cond-0\",\"status\":\"True\"}]}")
        .append(",\"evidence\":[{\"condition_id\":\"cond-0\",\"status\":\"True\"")
        .append(",\"result\":{\"value\":{\"kind\":\"json\",\"value\":{\"score\":")
        .append(f64(r.nextDouble()))
        .append(",\"confidence\":")
        .append(f64(0.5 + r.nextDouble() / 2))
        .append(",\"latency_ms\":")
        .append(f64(r.nextDouble() * 250))
        .append(",\"p99_latency_ms\":")
        .append(f64(250 + r.nextDouble() * 750))
        .append(",\"weights\":[");
    for (int k = 0; k < 4; k++) {
      j.append(k > 0 ? "," : "").append(f64(r.nextDouble() / 4));
    }
    j.append("],\"drift\":")
        .append(f64((r.nextDouble() - 0.5) * 1e-9))
        .append(",\"noise_floor\":")
        .append(f64((1 + r.nextInt(9)) * 1e-10))
        .append(",\"capacity\":")
        .append(f64(r.nextDouble() * 1e22))
        .append(",\"budget\":")
        .append(f64((1 + r.nextInt(99)) * 1e21))
        .append(",\"threshold\":0.75,\"samples\":")
        .append(1 + r.nextInt(5000))
        .append(
            "}},\"lane\":\"verified\",\"error\":null,\"evidence_hash\":{\"algorithm\":\"sha256\",\"value\":\"")
        .append(HEX.formatHex(bytes(r, 32)))
        .append("\"},\"signature\":null,\"content_type\":\"application/json\"}}]}");
    return j.toString();
  }

  /** A double as a Rust serializer writes it: 0.1, 12.5, 3.2e-10, 1e22, 4.5e21. */
  static String f64(double value) {
    String java = Double.toString(value); // 0.1, 12.5, 3.2E-10, 1.0E22, 4.5E21
    return java.replace(".0E", "E").replace('E', 'e');
  }

  private static byte[] bytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
