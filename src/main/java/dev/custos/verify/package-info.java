/**
 * Re-verification of evidence, months later: the manifest, the image files and their digests
 * (whole and per piece, re-hashed through the same {@code digest} pipeline as acquisition), the
 * custody log, every report's signature and embedded files, and optionally the source itself.
 * Each check gives a {@link dev.custos.verify.CheckResult} naming exactly what differs and where.
 * Who signed each event, report and timestamp is judged against the verifier's trust anchors
 * ({@link dev.custos.verify.SignatureTrust}, the {@code signers} check).
 * An acquisition that did not read its whole source is never verified, however well what it read
 * checks: {@link dev.custos.verify.AcquisitionExtent} says how far it got.
 *
 * <p>Entry points: {@link dev.custos.verify.Verification} (an evidence directory) and {@link
 * dev.custos.verify.ImageVerification} (an image another tool acquired, against given digests).
 */
package dev.custos.verify;
