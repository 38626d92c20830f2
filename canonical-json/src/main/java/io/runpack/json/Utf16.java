package io.runpack.json;

/**
 * Well-formedness of Java strings (UTF-16): a lone surrogate has no UTF-8 form, so it can be
 * neither written canonically (FORMAT §1) nor stored under one name by every store.
 */
public final class Utf16 {

  private Utf16() {}

  /** True when every surrogate in {@code s} is half of a pair. */
  public static boolean isWellFormed(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code s} with every lone surrogate replaced by U+FFFD; {@code s} itself when there is none.
   */
  public static String wellFormed(String s) {
    if (isWellFormed(s)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else {
        out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }
}
