package io.runpack.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** FORMAT §4: which runpack-relative paths are safe. */
class RunpackPathTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "manifest.json",
        "artifacts/triggers.json",
        "a/b/c/d.json",
        "..a",
        "a..",
        ".hidden",
        "é/ü.json"
      })
  void acceptsRelativePathsWithinTheRoot(String path) {
    assertNull(RunpackPath.problemWith(path));
    assertEquals(path, RunpackPath.of(path).value());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "../x|has a \"..\" component",
        "a/../../x|has a \"..\" component",
        "a/..|has a \"..\" component",
        "./x|has a \".\" component",
        "/etc/passwd|must be relative",
        "a\\b|contains a backslash",
        "..\\x|contains a backslash",
        "a//b|has an empty component",
        "a/|has an empty component",
      })
  void refusesPathsThatCouldEscapeOrAreMalformed(String path, String problem) {
    assertEquals(problem, RunpackPath.problemWith(path));
    RunpackException e = assertThrows(RunpackException.class, () -> RunpackPath.of(path));
    assertEquals(ErrorCode.INVALID_REQUEST, e.code());
  }

  @Test
  void refusesLoneSurrogatesInPathsAndIdentifiers() {
    assertEquals(
        "is not well-formed Unicode (lone surrogate)", RunpackPath.problemWith("a\uD800.json"));
    assertEquals(
        "is not well-formed Unicode (lone surrogate)", RunpackPath.keySegmentProblem("run-\uDC00"));
    assertNull(RunpackPath.keySegmentProblem("run-\uD83D\uDE00"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"C:/x", "c:", "C:x.json", "a:b/c.json", "::/x", "\u00e9:/x"})
  void refusesAColonInTheFirstComponentWhichIsADriveOnWindows(String path) {
    assertEquals(
        "has a ':' in its first component (a drive on Windows)", RunpackPath.problemWith(path));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b:c.json", "artifacts/x:y", "a/C:/x"})
  void acceptsAColonBelowTheFirstComponent(String path) {
    assertNull(RunpackPath.problemWith(path));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ARTIFACTS/DECISIONS.JSON|artifacts/decisions.json",
        "Artifacts/Deci\u017fions.json|artifacts/decisions.json",
        "\u212aey.json|key.json",
        "e\u0301.json|\u00e9.json",
      })
  void foldsPathsAsACaseInsensitiveFileSystemSeesThem(String path, String folded) {
    assertEquals(RunpackPath.folded(folded), RunpackPath.folded(path));
  }

  @Test
  void refusesEmptyAndNulPaths() {
    assertEquals("must not be empty", RunpackPath.problemWith(""));
    assertEquals("contains a NUL character", RunpackPath.problemWith("a\0b"));
  }

  @ParameterizedTest
  @ValueSource(
      chars = {'\n', '\r', '\t', '\u001b', '\u007f', '\u0085', '\u009f', '\u2028', '\u2029'})
  void refusesControlAndLineBreakingCharactersInPathsAndKeySegments(char c) {
    String expected = String.format("contains a control character (U+%04X)", (int) c);
    assertEquals(expected, RunpackPath.problemWith("dir/a" + c + "b.json"));
    assertEquals(expected, RunpackPath.keySegmentProblem("run" + c));
  }

  @Test
  void limitsComponentsTo255BytesAndPathsTo4096() {
    assertNull(RunpackPath.problemWith("x".repeat(255)));
    assertEquals("has a component longer than 255 bytes", RunpackPath.problemWith("x".repeat(256)));
    // 'é' is two UTF-8 bytes: 128 of them are 256 bytes
    assertEquals("has a component longer than 255 bytes", RunpackPath.problemWith("é".repeat(128)));
    String longPath = ("x".repeat(200) + "/").repeat(20) + "y".repeat(76); // 4,096 bytes
    assertNull(RunpackPath.problemWith(longPath));
    assertEquals("longer than 4096 bytes", RunpackPath.problemWith(longPath + "y"));
  }
}
