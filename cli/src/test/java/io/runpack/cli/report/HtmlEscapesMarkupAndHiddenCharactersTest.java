package io.runpack.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Html#escape}: markup characters become references; hidden characters become visible. */
class HtmlEscapesMarkupAndHiddenCharactersTest {

  @Test
  void everyMarkupCharacterIsAReference() {
    assertEquals(
        "&lt;img src=x onerror=&quot;a(&#39;1&#39;)&quot;&gt; &amp;amp;",
        Html.escape("<img src=x onerror=\"a('1')\"> &amp;"));
  }

  @Test
  void bidiZeroWidthAndControlCharactersAreShownEscaped() {
    assertEquals(
        "a\\u202eb\\u2066c\\u200bd\\u0000e\\u000af\\u2028g\\ufeff",
        Html.escape("a\u202eb\u2066c\u200bd\u0000e\nf\u2028g\ufeff"));
  }

  @Test
  void charactersDrawnAsNothingOrAsAnotherAreShownEscaped() {
    // default-ignorable letters and marks (a path would display as artifacts/decisions.json),
    // spaces that are not U+0020, private use code points; not unassigned ones (U+0378), which
    // the JDK's Unicode version decides
    assertEquals(
        "a\\u034fb\\u115fc\\u3164d\\uffa0e\\u17b4f\\u180bg\\ufe0fh\\u00a0i\\u2003j\\ue000k\u0378l",
        Html.escape(
            "a\u034fb\u115fc\u3164d\uffa0e\u17b4f\u180bg\ufe0fh\u00a0i\u2003j\ue000k\u0378l"));
    assertEquals("x\\u{e0100}y", Html.escape("x\udb40\udd00y")); // U+E0100
    // default-ignorable ranges, assigned or not in the JDK's Unicode: U+2065, U+FFF0, U+E0002
    assertEquals("a\\u2065b\\ufff0c\\u{e0002}d", Html.escape("a\u2065b\ufff0c\udb40\udc02d"));
  }

  @Test
  void aLoneSurrogateIsShownEscapedAndAPairIsKept() {
    assertEquals("\\ud800x😀", Html.escape("\ud800x\ud83d\ude00"));
  }

  @Test
  void plainTextIsUnchanged() {
    assertEquals("release-approval · ✔ naïve 日本", Html.escape("release-approval · ✔ naïve 日本"));
  }
}
