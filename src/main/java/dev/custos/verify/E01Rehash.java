package dev.custos.verify;

import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.digest.ProgressListener;
import dev.custos.image.e01.E01ChunkDamage;
import dev.custos.image.e01.E01Info;
import dev.custos.image.e01.E01Reader;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Re-hashes the media of an E01 set through the same pipeline as a raw image, the chunks
 * decompressed ahead on the cores the digests leave, every chunk's zlib stream or stored bytes
 * checked against its Adler-32 on the way. A damaged chunk is read as zeros of its length (so
 * the digests and pieces of the media stay in place) and named: its byte and LBA range, its
 * segment file and where in it.
 */
final class E01Rehash {
  private E01Rehash() {}

  /**
   * What one read of the set found.
   *
   * @param computed the digests and pieces of the media as read
   * @param info what the set says of itself
   * @param damage every chunk that did not check, in order
   */
  record Read(Rehash.Result computed, E01Info info, List<E01ChunkDamage> damage) {
    Read {
      damage = List.copyOf(damage);
    }
  }

  /**
   * Reads the set whose first segment is {@code firstSegment}.
   *
   * @param pieces how to cut pieces, or null
   * @throws IOException if the set cannot be opened (not an E01, a segment missing) or read
   * @throws InterruptedException if interrupted
   */
  static Read run(Path firstSegment, List<HashAlgorithm> algorithms, Rehash.PieceSpec pieces, ProgressListener listener)
      throws IOException, InterruptedException {
    try (E01Reader reader = E01Reader.open(firstSegment)) {
      reader.readAhead(Math.max(1, Runtime.getRuntime().availableProcessors()));
      E01Info info = reader.info();
      long[] next = {0};
      Rehash.Result computed = Rehash.run((position, destination, length) -> {
        if (position != next[0]) {
          throw new IllegalStateException("an E01 set's media is read in order: byte " + position + " asked, " + next[0] + " next");
        }
        int done = 0;
        while (done < length) {
          int read = reader.read(destination, done, length - done);
          if (read < 0) {
            throw new IOException("the E01 set's media ends at byte " + (position + done) + ", before the " + info.mediaBytes()
                + " bytes its volume section gives");
          }
          done += read;
        }
        next[0] += length;
      }, info.mediaBytes(), algorithms, pieces, listener, () -> 0);
      return new Read(computed, info, reader.damage());
    }
  }

  /**
   * Re-hashes the recorded E01 set in {@code root} and compares it with the manifest: the digests
   * and pieces of its media, every chunk, its structure, and the digests it stores itself.
   *
   * @throws IOException if the set cannot be opened or read
   * @throws InterruptedException if interrupted
   */
  static ImageComparison.Outcome compare(Path root, RecordedAcquisition recorded, ProgressListener listener)
      throws IOException, InterruptedException {
    String first = recorded.files().get(0).name();
    if (recorded.imageSize() == 0) {
      return new ImageComparison.Outcome(null, CheckResult.skipped(Check.IMAGE_DIGESTS, "the E01 set was not finished (its"
          + " acquisition did not complete): it has no chunk tables to read, and no byte of it is recorded as acquired"));
    }
    Read read = run(root.resolve(first), recorded.algorithms(), recorded.piecesToCompute(), listener);
    ImageComparison.Outcome outcome = ImageComparison.compare(Check.IMAGE_DIGESTS, recorded, List.of(), read.computed(),
        Math.min(read.info().mediaBytes(), recorded.imageSize()));
    List<Problem> problems = new ArrayList<>();
    if (read.info().mediaBytes() != recorded.imageSize()) {
      problems.add(new Problem(first, "the E01 set holds " + read.info().mediaBytes() + " bytes of media, " + recorded.imageSize()
          + " are recorded"));
    }
    problems.addAll(outcome.result().problems());
    problems.addAll(damage(read, first));
    problems.addAll(storedDigests(read.info(), recorded.digests(), first));
    problems.addAll(agreement(read.info(), recorded, first));
    String summary = outcome.result().summary() + "; E01: " + read.info().chunkCount() + " chunks checked (zlib stream or"
        + " stored bytes against their Adler-32), " + (read.damage().isEmpty() ? "none damaged" : read.damage().size() + " damaged");
    return new ImageComparison.Outcome(outcome.findings(), CheckResult.of(Check.IMAGE_DIGESTS, summary, problems));
  }

  /**
   * Where what the set says of itself (to ewfinfo, EnCase, FTK, every tool that reads it) differs
   * from the manifest: the geometry of its media, its chunk count, the sectors its error2 lists as
   * unreadable, and the case fields of its headers. Each would tell another tool another story.
   */
  static List<Problem> agreement(E01Info info, RecordedAcquisition recorded, String file) {
    List<Problem> problems = new ArrayList<>();
    RecordedAcquisition.E01Set set = recorded.e01().orElseThrow();
    if (info.bytesPerSector() != recorded.sectorSize() || info.sectorCount() * recorded.sectorSize() != recorded.imageSize()) {
      problems.add(new Problem(file, "the set's volume section gives " + info.sectorCount() + " sectors of " + info.bytesPerSector()
          + " bytes; the manifest records " + recorded.imageSize() / recorded.sectorSize() + " of " + recorded.sectorSize()));
    }
    set.content().filter(content -> content.chunks() != info.chunkCount()).ifPresent(content -> problems.add(new Problem(file,
        "the set's volume section gives " + info.chunkCount() + " chunks; the manifest records " + content.chunks())));
    if (!info.errors().equals(set.unreadable())) {
      problems.add(new Problem(file, "the set's error2 section lists " + (info.errors().isEmpty() ? "no sector" : info.errors())
          + " as unreadable; the manifest records " + (set.unreadable().isEmpty() ? "none" : set.unreadable())));
    }
    String[][] fields = {{"c", "case number", set.caseInfo().caseId()}, {"n", "evidence number", set.caseInfo().evidenceId()},
        {"e", "examiner", set.caseInfo().examiner()}, {"a", "description", set.caseInfo().description()},
        {"t", "notes", set.caseInfo().notes()}};
    for (String[] field : fields) {
      String stated = info.caseFields().getOrDefault(field[0], "");
      String expected = field[2] == null ? "" : field[2];
      if (!stated.equals(expected)) {
        problems.add(new Problem(file, "the set's header gives the " + field[1] + " '" + stated + "'; the manifest records '"
            + expected + "'"));
      }
    }
    return problems;
  }

  /** One problem per damaged chunk, and one per fault of the set's structure (a section, a header, a table). */
  static List<Problem> damage(Read read, String firstSegment) {
    List<Problem> problems = new ArrayList<>();
    for (E01ChunkDamage chunk : read.damage()) {
      problems.add(new Problem(chunk.segmentFile(), "chunk " + chunk.chunkIndex() + " (bytes " + chunk.firstByte() + "–"
          + (chunk.firstByte() + chunk.byteCount() - 1) + ", LBA " + chunk.firstLba() + "–" + (chunk.firstLba() + chunk.sectorCount() - 1)
          + ") at offset " + chunk.fileOffset() + " of " + chunk.segmentFile() + " is damaged: " + chunk.reason()
          + "; read as zeros"));
    }
    for (String structure : read.info().structureProblems()) {
      problems.add(new Problem(firstSegment, structure));
    }
    return problems;
  }

  /**
   * Where the digests the set stores (MD5 in its hash and digest sections, SHA-1 in its digest
   * section) differ from {@code expected}: a set whose own digests disagree with the recorded ones
   * would tell other tools a different story.
   */
  static List<Problem> storedDigests(E01Info info, List<Digest> expected, String firstSegment) {
    List<Problem> problems = new ArrayList<>();
    compareStored(info.storedMd5(), HashAlgorithm.MD5, expected, firstSegment, problems);
    compareStored(info.storedSha1(), HashAlgorithm.SHA_1, expected, firstSegment, problems);
    return problems;
  }

  private static void compareStored(Optional<byte[]> stored, HashAlgorithm algorithm, List<Digest> expected, String file,
      List<Problem> problems) {
    Optional<Digest> recorded = expected.stream().filter(digest -> digest.algorithm() == algorithm).findFirst();
    if (stored.isPresent() && recorded.isPresent() && !MessageDigest.isEqual(stored.get(), recorded.get().bytes())) {
      problems.add(new Problem(file, "the E01 set stores " + algorithm.displayName() + " " + HexFormat.of().formatHex(stored.get())
          + ", but " + recorded.get().hex() + " is recorded: other tools would check the media against another digest"));
    } else if (stored.isEmpty() && recorded.isPresent() && algorithm == HashAlgorithm.MD5) {
      problems.add(new Problem(file, "the E01 set stores no MD5, though one is recorded: its hash section is missing"));
    }
  }
}
