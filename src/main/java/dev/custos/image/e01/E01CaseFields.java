package dev.custos.image.e01;

import java.time.Instant;
import java.util.Objects;

/**
 * The case fields of an E01's header and header2 sections.
 *
 * <p>Strings are never null (empty is allowed). A tab, carriage return or line feed inside a field
 * would break the tab- and line-separated header text, so it is <em>rejected</em> with an {@link
 * IllegalArgumentException} naming the field: evidence text is never changed silently.
 *
 * @param caseNumber case number ({@code c})
 * @param evidenceNumber evidence number ({@code n})
 * @param examiner examiner name ({@code e})
 * @param description description ({@code a})
 * @param notes notes ({@code t})
 * @param acquired when the acquisition began ({@code m})
 * @param systemTime the system time then ({@code u})
 * @param operatingSystem the acquiring operating system ({@code ov})
 * @param toolVersion the acquiring tool's version ({@code av})
 */
public record E01CaseFields(String caseNumber, String evidenceNumber, String examiner, String description,
    String notes, Instant acquired, Instant systemTime, String operatingSystem, String toolVersion) {
  /**
   * @throws NullPointerException if any field is null
   * @throws IllegalArgumentException if a string holds a tab, carriage return or line feed
   */
  public E01CaseFields {
    requireText("case number", caseNumber);
    requireText("evidence number", evidenceNumber);
    requireText("examiner", examiner);
    requireText("description", description);
    requireText("notes", notes);
    Objects.requireNonNull(acquired, "acquired");
    Objects.requireNonNull(systemTime, "systemTime");
    requireText("operating system", operatingSystem);
    requireText("tool version", toolVersion);
  }

  private static void requireText(String field, String value) {
    Objects.requireNonNull(value, field);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r') {
        throw new IllegalArgumentException("the E01 " + field + " must not hold a tab or line break (at character "
            + i + " of '" + value.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") + "')");
      }
    }
  }
}
