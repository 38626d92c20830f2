package io.runpack.domain.model;

import io.runpack.json.JsonArray;
import io.runpack.json.JsonNumber;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The verifier's verdict (FORMAT §3): {@code {"checked_files":N,"errors":[…],"status":…}}.
 * Invariant: the status is {@code pass} exactly when there is no error.
 */
public record VerificationReport(int checkedFiles, List<String> errors) {

  public VerificationReport {
    errors = List.copyOf(errors);
  }

  public boolean passed() {
    return errors.isEmpty();
  }

  public String status() {
    return passed() ? "pass" : "fail";
  }

  public JsonObject toJson() {
    List<JsonValue> messages = new ArrayList<>(errors.size());
    errors.forEach(e -> messages.add(new JsonString(e)));
    return JsonObject.builder()
        .put("checked_files", JsonNumber.of(checkedFiles))
        .put("errors", new JsonArray(messages))
        .put("status", status())
        .build();
  }
}
