package dev.custos.evidence;

import java.util.Objects;

/**
 * The null checks of a record's members, named as the record names them: the manifest and its
 * recorded form require most of their members, and a list of a dozen checks in each is one more
 * place for the two to drift apart. Stateless.
 */
final class RecordMembers {
  private RecordMembers() {}

  /**
   * @param names the members' names, separated by single spaces, in the order of {@code values}
   * @throws NullPointerException naming the first member that is null, as {@link
   *     Objects#requireNonNull(Object, String)} does
   * @throws IllegalArgumentException if there are not as many names as values (a defect of the caller)
   */
  static void requireNonNull(String names, Object... values) {
    String[] each = names.split(" ");
    if (each.length != values.length) {
      throw new IllegalArgumentException(each.length + " names for " + values.length + " values: " + names);
    }
    for (int i = 0; i < values.length; i++) {
      Objects.requireNonNull(values[i], each[i]);
    }
  }
}
