package io.runpack.benchmarks;

import io.runpack.domain.model.RunLog;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

/**
 * Realistic Decision Gate log records for the benchmarks, made from a seed, so every run of every
 * machine measures the same bytes. Records have the shapes of Decision Gate's own (the fixture
 * runs): triggers with order payloads, gate evaluations with evidence and hashes, decisions,
 * packets with envelopes, submissions and tool calls. They are written the way Decision Gate's
 * serializer writes them: compact, members in struct order (not sorted), strings with the odd
 * escape and non-ASCII text, mostly integers with some short decimals and, in one gate evaluation
 * in twenty, a full-precision double.
 */
public final class DecisionGateLogs {

  private static final String[] REGIONS = {"eu-west-1", "us-east-1", "ap-northeast-1", "sa-east-1"};
  private static final String[] CITIES = {
    "Zürich", "München", "東京", "São Paulo", "Kraków", "Austin"
  };
  private static final String[] STAGES = {"intake", "review", "approval", "fulfilment", "audit"};
  private static final String[] METHODS = {
    "scenario.trigger", "scenario.next", "evidence.query", "packet.submit"
  };
  private static final HexFormat HEX = HexFormat.of();

  private DecisionGateLogs() {}

  /** One record of {@code log}, the {@code index}-th of its run. */
  public static String record(RunLog log, int index, Random random) {
    StringBuilder json = new StringBuilder(1024);
    switch (log) {
      case TRIGGERS -> trigger(json, index, random);
      case GATE_EVALS -> gateEval(json, index, random);
      case DECISIONS -> decision(json, index, random);
      case PACKETS -> packet(json, index, random);
      case SUBMISSIONS -> submission(json, index, random);
      case TOOL_CALLS -> toolCall(json, index, random);
    }
    return json.toString();
  }

  /**
   * A log document (JSON array of records) of at most {@code maxBytes}, as full as records allow,
   * and at least one record even where that one is larger.
   */
  public static byte[] logDocument(RunLog log, int maxBytes, long seed) {
    return logDocument((index, random) -> record(log, index, random), maxBytes, seed);
  }

  /** Makes the {@code index}-th record of a log. */
  @FunctionalInterface
  public interface Records {
    String record(int index, Random random);
  }

  /** {@link #logDocument(RunLog, int, long)} for any kind of record. */
  public static byte[] logDocument(Records records, int maxBytes, long seed) {
    Random random = new Random(seed);
    StringBuilder json = new StringBuilder(maxBytes + 2048);
    json.append('[');
    int bytes = 2;
    for (int i = 0; ; i++) {
      String record = records.record(i, random);
      int size = record.getBytes(StandardCharsets.UTF_8).length + (i > 0 ? 1 : 0);
      if (i > 0 && bytes + size > maxBytes) {
        break;
      }
      if (i > 0) {
        json.append(',');
      }
      json.append(record);
      bytes += size;
    }
    return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void trigger(StringBuilder j, int i, Random r) {
    j.append("{\"seq\":")
        .append(i + 1)
        .append(",\"event\":{\"trigger_id\":\"trigger-")
        .append(i)
        .append(
            "\",\"tenant_id\":1,\"namespace_id\":1,\"run_id\":\"run-bench\",\"kind\":\"external_event\"")
        .append(",\"time\":{\"kind\":\"unix_millis\",\"value\":")
        .append(1764115200000L + 37L * i)
        .append(
            "},\"source_id\":\"orders-service\",\"payload\":{\"kind\":\"json\",\"value\":{\"order_id\":\"ord-")
        .append(100000 + r.nextInt(900000))
        .append("\",\"amount\":")
        .append(r.nextInt(100000))
        .append('.')
        .append(10 + r.nextInt(90))
        .append(",\"currency\":\"EUR\",\"items\":[");
    int items = 1 + r.nextInt(4);
    for (int k = 0; k < items; k++) {
      j.append(k > 0 ? "," : "")
          .append("{\"sku\":\"SKU-")
          .append(r.nextInt(99999))
          .append("\",\"qty\":")
          .append(1 + r.nextInt(9))
          .append(",\"unit_price\":")
          .append(r.nextInt(500))
          .append('.')
          .append(r.nextInt(10))
          .append(r.nextInt(9) + 1)
          .append('}');
    }
    j.append("],\"customer\":{\"id\":\"cust-")
        .append(r.nextInt(1_000_000))
        .append("\",\"city\":\"")
        .append(CITIES[r.nextInt(CITIES.length)])
        .append("\",\"region\":\"")
        .append(REGIONS[r.nextInt(REGIONS.length)])
        .append("\",\"tier\":")
        .append(r.nextInt(4))
        .append("},\"note\":\"")
        .append(
            r.nextInt(10) == 0 ? "deliver to \\\"back door\\\"\\nring twice" : "standard delivery")
        .append("\",\"flags\":{\"gift\":")
        .append(r.nextBoolean())
        .append(",\"express\":")
        .append(r.nextBoolean())
        .append("}}},\"correlation_id\":\"corr-")
        .append(hex(r, 8))
        .append("\"}}");
  }

  private static void gateEval(StringBuilder j, int i, Random r) {
    String stage = STAGES[i % STAGES.length];
    j.append("{\"trigger_id\":\"trigger-")
        .append(i)
        .append("\",\"stage_id\":\"")
        .append(stage)
        .append("\",\"evaluation\":{\"gate_id\":\"gate-")
        .append(stage)
        .append("\",\"status\":\"True\",\"trace\":[");
    int conditions = 1 + r.nextInt(3);
    for (int k = 0; k < conditions; k++) {
      j.append(k > 0 ? "," : "")
          .append("{\"condition_id\":\"cond-")
          .append(k)
          .append("\",\"status\":\"True\"}");
    }
    j.append("]},\"evidence\":[");
    for (int k = 0; k < conditions; k++) {
      j.append(k > 0 ? "," : "")
          .append("{\"condition_id\":\"cond-")
          .append(k)
          .append("\",\"status\":\"True\"")
          .append(",\"result\":{\"value\":{\"kind\":\"json\",\"value\":{\"score\":0.")
          .append(1000 + r.nextInt(9000))
          .append(",\"latency_ms\":")
          .append(r.nextInt(900))
          .append('.')
          .append(r.nextInt(10))
          .append(",\"checked\":")
          .append(1 + r.nextInt(50));
      if (r.nextInt(20) == 0) {
        j.append(",\"ratio\":").append(Double.toString(r.nextDouble()));
      }
      j.append(
              "}},\"lane\":\"verified\",\"error\":null,\"evidence_hash\":{\"algorithm\":\"sha256\",\"value\":\"")
          .append(hex(r, 32))
          .append("\"},\"evidence_ref\":{\"uri\":\"s3://evidence/")
          .append(hex(r, 6))
          .append(
              "\"},\"evidence_anchor\":{\"anchor_type\":\"trigger_time_unix_millis\",\"anchor_value\":\"")
          .append(1764115200000L + 37L * i)
          .append("\"},\"signature\":null,\"content_type\":\"application/json\"}}");
    }
    j.append("]}");
  }

  private static void decision(StringBuilder j, int i, Random r) {
    j.append("{\"decision_id\":\"decision-")
        .append(i)
        .append("\",\"seq\":")
        .append(i + 1)
        .append(",\"trigger_id\":\"trigger-")
        .append(i)
        .append("\",\"stage_id\":\"")
        .append(STAGES[i % STAGES.length])
        .append("\",\"decided_at\":{\"kind\":\"unix_millis\",\"value\":")
        .append(1764115200000L + 37L * i + r.nextInt(30))
        .append("},\"outcome\":{\"kind\":\"advance\",\"from_stage\":\"")
        .append(STAGES[i % STAGES.length])
        .append("\",\"to_stage\":\"")
        .append(STAGES[(i + 1) % STAGES.length])
        .append("\"},\"correlation_id\":\"corr-")
        .append(hex(r, 8))
        .append("\"}");
  }

  private static void packet(StringBuilder j, int i, Random r) {
    j.append("{\"envelope\":{\"scenario_id\":\"bench\",\"run_id\":\"run-bench\",\"stage_id\":\"")
        .append(STAGES[i % STAGES.length])
        .append("\",\"packet_id\":\"packet-")
        .append(i)
        .append(
            "\",\"schema_id\":\"schema-order-v2\",\"content_type\":\"application/json\",\"content_hash\":{\"algorithm\":\"sha256\",\"value\":\"")
        .append(hex(r, 32))
        .append("\"},\"visibility\":{\"labels\":[\"confidential\"],\"policy_tags\":[\"policy-")
        .append(r.nextInt(5))
        .append("\"]},\"expiry\":null,\"correlation_id\":\"corr-")
        .append(hex(r, 8))
        .append("\",\"issued_at\":{\"kind\":\"unix_millis\",\"value\":")
        .append(1764115200000L + 37L * i)
        .append(
            "}},\"payload\":{\"kind\":\"json\",\"value\":{\"approved\":true,\"approver\":\"user-")
        .append(r.nextInt(500))
        .append("\",\"comment\":\"OK für ")
        .append(CITIES[r.nextInt(CITIES.length)])
        .append("\",\"limit\":")
        .append(r.nextInt(1_000_000))
        .append(
            "}},\"receipts\":[{\"target\":\"webhook\",\"status\":200,\"attempt\":1}],\"decision_id\":\"decision-")
        .append(i)
        .append("\"}");
  }

  private static void submission(StringBuilder j, int i, Random r) {
    j.append("{\"submission_id\":\"sub-")
        .append(i)
        .append(
            "\",\"run_id\":\"run-bench\",\"payload\":{\"kind\":\"json\",\"value\":{\"document\":\"")
        .append(hex(r, 24))
        .append("\",\"pages\":")
        .append(1 + r.nextInt(40))
        .append(",\"signed\":")
        .append(r.nextBoolean())
        .append(
            "}},\"content_type\":\"application/json\",\"content_hash\":{\"algorithm\":\"sha256\",\"value\":\"")
        .append(hex(r, 32))
        .append("\"},\"submitted_at\":{\"kind\":\"unix_millis\",\"value\":")
        .append(1764115200000L + 41L * i)
        .append("},\"correlation_id\":null}");
  }

  private static void toolCall(StringBuilder j, int i, Random r) {
    j.append("{\"call_id\":\"call-")
        .append(i)
        .append("\",\"method\":\"")
        .append(METHODS[r.nextInt(METHODS.length)])
        .append("\",\"request_hash\":{\"algorithm\":\"sha256\",\"value\":\"")
        .append(hex(r, 32))
        .append("\"},\"response_hash\":{\"algorithm\":\"sha256\",\"value\":\"")
        .append(hex(r, 32))
        .append("\"},\"called_at\":{\"kind\":\"unix_millis\",\"value\":")
        .append(1764115200000L + 37L * i)
        .append("},\"correlation_id\":\"corr-")
        .append(hex(r, 8))
        .append("\",\"error\":null}");
  }

  private static String hex(Random random, int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HEX.formatHex(b);
  }
}
