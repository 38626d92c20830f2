package io.runpack.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The property runner: drawn cases depend on the seed alone, a failure names the seeds and the
 * case, and the case seed it names brings back exactly that case.
 */
class CasesTest {

  private static final long SEED = 0x5eedL;

  private static List<Integer> drawn(long seed, int tries) {
    List<Integer> cases = new ArrayList<>();
    Cases.seeded(
        seed, tries, random -> random.nextInt(1_000_000), cases::add, OptionalLong.empty());
    return cases;
  }

  @Test
  void theSameSeedDrawsTheSameCasesEveryTime() {
    assertEquals(drawn(SEED, 50), drawn(SEED, 50));
    assertNotEquals(drawn(SEED, 50), drawn(SEED + 1, 50));
    assertEquals(50, drawn(SEED, 50).size());
  }

  @Test
  void aFailingDrawnCaseNamesItsIndexTheSeedsAndTheCase() {
    int failing = drawn(SEED, 20).get(6);
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () ->
                Cases.seeded(
                    SEED,
                    20,
                    random -> random.nextInt(1_000_000),
                    value -> assertNotEquals(failing, value, "the broken value"),
                    OptionalLong.empty()));
    String message = error.getMessage();
    assertTrue(message.startsWith("case 7 of 20 (seed 0x5eed, case seed 0x"), message);
    assertTrue(message.contains(" failed: " + failing + "\n"), message);
    assertTrue(message.contains("the broken value"), message);
  }

  @Test
  void theNamedCaseSeedReplaysExactlyTheFailingCase() {
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () ->
                Cases.seeded(
                    SEED,
                    20,
                    random -> random.nextInt(1_000_000),
                    value -> assertTrue(value % 7 != 0),
                    OptionalLong.empty()));
    Matcher seed = Pattern.compile("case seed 0x([0-9a-f]+)").matcher(error.getMessage());
    assertTrue(seed.find(), error.getMessage());
    List<Integer> replayed = new ArrayList<>();
    int ran =
        Cases.seeded(
            SEED,
            20,
            random -> random.nextInt(1_000_000),
            replayed::add,
            OptionalLong.of(Long.parseUnsignedLong(seed.group(1), 16)));
    assertEquals(1, ran);
    assertTrue(
        error.getMessage().contains(" failed: " + replayed.get(0) + "\n"), error.getMessage());
  }

  @Test
  void everyListedCaseIsCheckedAndAFailureNamesIt() {
    List<String> seen = new ArrayList<>();
    assertEquals(3, Cases.every(List.of("a", "b", "c"), seen::add));
    assertEquals(List.of("a", "b", "c"), seen);
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () -> Cases.every(List.of("a", "b", "c"), s -> assertNotEquals("b", s)));
    assertTrue(
        error.getMessage().startsWith("case 2 of 3 (listed) failed: b\n"), error.getMessage());
  }
}
