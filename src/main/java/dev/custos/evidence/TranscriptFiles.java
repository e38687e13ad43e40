package dev.custos.evidence;

import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.io.EvidenceFile;
import dev.custos.io.ReadLimit;
import dev.custos.source.driveidentity.DriveIdentity;
import dev.custos.source.driveidentity.Transcript;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads back the drive identity transcripts of an evidence directory, each only as the manifest
 * records it: a file that is missing, a link, of another size or another SHA-256 is not read as
 * what the drive said. Stateless.
 */
public final class TranscriptFiles {
  private TranscriptFiles() {}

  /**
   * The bytes of {@code file} in {@code directory}, or why they are not the ones the manifest records.
   */
  public static DriveIdentity.Read read(Path directory, Transcript.TranscriptFile file) {
    return read(directory, file, "the manifest");
  }

  /**
   * The bytes of {@code file} in {@code directory}, or why they are not the ones {@code recordedBy}
   * (the manifest, or a custody event) records.
   */
  public static DriveIdentity.Read read(Path directory, Transcript.TranscriptFile file, String recordedBy) {
    Optional<byte[]> bytes;
    try {
      bytes = EvidenceFile.readFromDirectory(directory.resolve(file.name()), ReadLimit.DRIVE_IDENTITY, "reads");
    } catch (IOException e) {
      return DriveIdentity.Read.failed(file.name() + " cannot be read: " + e.getMessage());
    }
    if (bytes.isEmpty()) {
      return DriveIdentity.Read.failed(file.name() + " is missing");
    }
    String sha256 = Digest.compute(HashAlgorithm.SHA_256, bytes.get()).hex();
    if (bytes.get().length != file.sizeBytes() || !sha256.equals(file.sha256())) {
      return DriveIdentity.Read.failed(file.name() + " has " + bytes.get().length + " bytes and SHA-256 " + sha256
          + ", " + recordedBy + " records " + file.sizeBytes() + " bytes and " + file.sha256() + ": it changed after it was written");
    }
    return DriveIdentity.Read.of(bytes.get());
  }
}
