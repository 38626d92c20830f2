package io.runpack.domain.port.in;

import io.runpack.domain.model.SignatureStatus;
import io.runpack.domain.model.VerificationReport;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonValue;
import java.util.Map;
import java.util.Objects;

/**
 * A verification with the manifest's signature looked at: the report (which, when a public key was
 * given, carries the signature's problem as an error) and the signature's status.
 */
public record SignedVerification(VerificationReport report, SignatureStatus signature) {

  public SignedVerification {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(signature, "signature");
  }

  /** The report's JSON with a {@code signature} member: {@code {…,"signature":{…},"status":…}}. */
  public JsonObject toJson() {
    JsonObject.Builder json = JsonObject.builder();
    for (Map.Entry<String, JsonValue> member : report.toJson().members().entrySet()) {
      json.put(member.getKey(), member.getValue());
    }
    return json.put("signature", signature.toJson()).build();
  }
}
