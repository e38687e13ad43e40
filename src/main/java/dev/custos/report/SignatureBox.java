package dev.custos.report;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Where the signature's visible appearance goes: a box at the foot of the last page, above the
 * footer. The renderer keeps it free ({@link #reserve}); the signer puts the signature widget there
 * ({@link PadesSigner}), so the two never overlap whatever the length of the report.
 */
final class SignatureBox {
  static final float HEIGHT = 62;
  /** The box, in default user space of an A4 page. */
  static final PDRectangle RECT = new PDRectangle(PageWriter.LEFT, PageWriter.BOTTOM + 2,
      PageWriter.RIGHT - PageWriter.LEFT, HEIGHT);

  private SignatureBox() {}

  /** Makes sure the rest of the current page, down to the box, stays free: a new page if the box would overlap what is written. */
  static void reserve(PageWriter page) {
    page.ensure(HEIGHT + 10);
  }
}
