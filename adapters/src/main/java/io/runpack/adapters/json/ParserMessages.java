package io.runpack.adapters.json;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors as a user of Runpack reads them: what is wrong with the text, without how
 * to make Jackson accept it ("enable `JsonReadFeature.ALLOW_COMMENTS`": no reader of Runpack
 * accepts non-standard JSON, so that no two readers disagree on a document) or the parser's token
 * names ("in VALUE_STRING", "in null").
 */
final class ParserMessages {

  private static final Pattern ENABLE_FEATURE =
      Pattern.compile(":? ?enable `[A-Za-z_.]+` to allow");

  private static final Pattern FEATURE_NOT_ENABLED =
      Pattern.compile(
          " ?\\(not recognized as one since Feature '[A-Z_]+' not enabled for parser\\)");

  /**
   * Jackson's words for a limit passed: "Name length (N) exceeds the maximum allowed (M, from…".
   */
  private static final Pattern LIMIT =
      Pattern.compile(
          "(Number value length|String value length|Name length|Document nesting depth|Document"
              + " length) \\((\\d+)\\) exceeds the maximum allowed \\((\\d+),.*",
          Pattern.DOTALL);

  private ParserMessages() {}

  /**
   * A limit Jackson enforced, in Runpack's words and with the limit, never Jackson's setting's name
   * ("from `StreamReadConstraints.getMaxNameLength()`").
   */
  static String limit(String message) {
    Matcher matcher = LIMIT.matcher(message == null ? "" : message);
    if (!matcher.matches()) {
      return "JSON text over a limit";
    }
    String limit = matcher.group(3);
    return switch (matcher.group(1)) {
      case "Number value length" -> "number longer than the limit of " + limit + " characters";
      case "String value length" -> "string longer than the limit of " + limit + " characters";
      case "Name length" -> "member name longer than the limit of " + limit + " bytes";
      case "Document nesting depth" -> "JSON nesting deeper than the limit of " + limit;
      default -> "JSON document longer than the limit of " + limit + " bytes";
    };
  }

  static String clean(String message) {
    if (message == null) {
      return "invalid JSON";
    }
    String first = message.lines().findFirst().orElse("");
    String clean = ENABLE_FEATURE.matcher(first).replaceAll("");
    clean = FEATURE_NOT_ENABLED.matcher(clean).replaceAll("");
    clean = clean.replace("maybe a (non-standard) comment?", "comments are not JSON");
    clean = clean.replace("end-of-input in null", "end of the JSON text");
    clean = clean.replace("end-of-input", "end of the JSON text");
    clean = clean.replace(" in VALUE_STRING", " in a string");
    clean = clean.replace(" in FIELD_NAME", " in a member name");
    return clean.strip();
  }
}
