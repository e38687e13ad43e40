package dev.custos.evidence;

/**
 * What the examiner says of the case: identifiers and free text, validated at construction.
 *
 * @param caseId the case number, e.g. {@code 2026-0142}
 * @param evidenceId the exhibit or evidence item number, e.g. {@code HDD-01}
 * @param examiner the examiner's name
 * @param description what the evidence is (optional, {@code null} when absent)
 * @param notes anything else (optional, {@code null} when absent)
 */
public record CaseInfo(String caseId, String evidenceId, String examiner, String description, String notes) {
  /**
   * @throws IllegalArgumentException naming the field, if an identifier or the examiner is blank
   *     or too long, or any field holds control characters
   */
  public CaseInfo {
    caseId = TextField.require("case id", caseId, 128, false);
    evidenceId = TextField.require("evidence id", evidenceId, 128, false);
    examiner = TextField.require("examiner", examiner, 256, false);
    description = TextField.optional("description", description, 4096, true);
    notes = TextField.optional("notes", notes, 16384, true);
  }
}
