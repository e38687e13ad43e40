package dev.custos.verify;

/** The checks of {@code report verify}, in the order they run and are printed. */
public enum Check {
  MANIFEST("manifest", "acquisition.json valid and as recorded"),
  IMAGE_FILES("image-files", "image files present with their recorded sizes"),
  IMAGE_DIGESTS("image-digests", "image re-hashed: whole and piece digests"),
  CUSTODY("custody", "custody log chain and signatures"),
  REPORTS("reports", "report PDFs: signatures and embedded files"),
  SIGNERS("signers", "who signed, against the trust anchors"),
  SOURCE("source", "source re-read and compared");

  private final String id;
  private final String title;

  Check(String id, String title) {
    this.id = id;
    this.title = title;
  }

  /** The id in {@code --json} output. */
  public String id() {
    return id;
  }

  /** What is checked, for the table. */
  public String title() {
    return title;
  }
}
