package io.runpack.adapters.filesystem;

/**
 * What a directory export does when its output directory already holds something other than the
 * runpack it exports (the same runpack is always accepted as it is, without writing).
 */
public enum ExistingRunpack {
  /** Refuse with {@code conflict}, naming the first difference; nothing is touched. */
  REFUSE,
  /**
   * Swap the new runpack in: the old one is moved aside atomically, the new one moved into place,
   * and only then is the old one deleted. Only a runpack is replaced (a directory of JSON files
   * with a manifest that decodes as one), and never one that is, holds or lies inside what the
   * export reads: anything else is refused, nothing touched ({@link ReplaceableRunpack}).
   */
  REPLACE
}
