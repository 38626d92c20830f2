package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, finding 8, through the {@code runpack} jar: {@code --format text} never sends a hostile
 * path's bidi controls or zero-width characters to the terminal, where a path could display
 * reversed or disguised; each is shown escaped. The JSON report keeps the path as it is.
 */
class TextFormatSpoofingIT {

  @TempDir Path temp;

  @Test
  void bidiAndZeroWidthCharactersOfAHostilePathAreShownEscaped() throws IOException {
    Path runpack =
        Fixtures.copyTree(Fixtures.golden("golden_visibility_packet"), temp.resolve("rp"));
    Path manifest = runpack.resolve("manifest.json");
    String hostile =
        "report\\u202enosj.exe\\u200b\\u200c\\u200d\\u2060\\ufeff\\u202a\\u202b\\u202c\\u202d"
            + "\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c\\u2028.json";
    Files.writeString(
        manifest,
        Files.readString(manifest)
            .replace("\"path\":\"artifacts/packets.json\"}", "\"path\":\"" + hostile + "\"}"));

    CliProcess.Result text = CliProcess.run(temp, "verify", runpack.toString(), "--format", "text");
    CliProcess.Result json = CliProcess.run(temp, "verify", runpack.toString());

    assertEquals(1, text.exitCode(), text.stderr());
    assertTrue(
        text.out()
            .contains(
                "  - artifact read failed for "
                    + hostile.toLowerCase(java.util.Locale.ROOT)
                    + ": unsafe path: contains a control character (U+2028)\n"),
        text.out());
    for (int cp :
        new int[] {
          0x202e, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x202a, 0x202b, 0x202c, 0x202d, 0x2066,
          0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c, 0x2028
        }) {
      assertEquals(-1, text.out().indexOf(cp), "U+" + Integer.toHexString(cp) + " sent raw");
    }
    assertTrue(json.out().contains("report\u202enosj.exe\u200b"), "the JSON report is exact");
  }

  @Test
  void charactersDrawnAsNothingAreShownEscapedSoNoPathLooksLikeAnother() throws IOException {
    Path runpack =
        Fixtures.copyTree(Fixtures.golden("golden_visibility_packet"), temp.resolve("rp"));
    Path manifest = runpack.resolve("manifest.json");
    // a combining grapheme joiner, a variation selector and a Hangul filler: drawn as nothing
    String lookalike = "artifacts/decisions.json\\u034f\\ufe0f\\u3164";
    Files.writeString(
        manifest,
        Files.readString(manifest)
            .replace("\"path\":\"artifacts/packets.json\"}", "\"path\":\"" + lookalike + "\"}"));

    CliProcess.Result text = CliProcess.run(temp, "verify", runpack.toString(), "--format", "text");

    assertEquals(1, text.exitCode(), text.stderr());
    assertTrue(
        text.out()
            .contains(
                "  - artifact read failed for artifacts/decisions.json\\u034f\\ufe0f\\u3164: "),
        text.out());
    for (int cp : new int[] {0x034f, 0xfe0f, 0x3164}) {
      assertEquals(-1, text.out().indexOf(cp), "U+" + Integer.toHexString(cp) + " sent raw");
    }
  }
}
