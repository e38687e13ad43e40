package dev.custos.cli;

import dev.custos.acquire.AcquisitionRequest;
import dev.custos.custody.CustodyRecorder;
import dev.custos.digest.HashAlgorithm;
import dev.custos.digest.PieceAlgorithm;
import dev.custos.error.CustosException;
import dev.custos.error.UsageException;
import dev.custos.evidence.CaseInfo;
import dev.custos.image.ImageLayout;
import dev.custos.image.e01.E01Compression;
import dev.custos.image.e01.E01Settings;
import dev.custos.rescue.RescueOptions;
import dev.custos.verify.Verification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code acquire image SOURCE --out DIR …}: the main job. */
@Command(name = "image", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Acquire SOURCE into a new evidence directory.",
        "SOURCE is a block device, a partition or an image file. DIR gets a sector-exact image, whole and per-piece"
            + " digests computed in parallel, and acquisition.json.",
        "A device is read only when write-blocked: its kernel read-only flag set, --set-readonly, or"
            + " --hardware-write-blocker. Every step is recorded in custody.jsonl, signed with --key.",
        "A source that changes while it is read (a file written, grown or replaced; a drive's size, model or serial)"
            + " ends the acquisition failed: source changed during acquisition.",
        "--verify-image and --verify-source re-read the image from the disk and the source once the manifest is written.",
        "SIZE: " + ByteSizeConverter.RULE + ". A segment or piece size must be a whole number of sectors, a block size of"
            + " 4096-byte pages; any other is refused, naming the nearest sizes that are (never rounded: the manifest records"
            + " the size given)."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
        "0:completed (and every --verify-image or --verify-source check matches)",
        "1:failed: the source changed during acquisition, or the custody log was altered meanwhile; or a --verify-image"
            + " or --verify-source check does not match",
        ExitCodes.HELP_USAGE,
        ExitCodes.HELP_IO_FAILURE,
        ExitCodes.HELP_INTERRUPTED})
final class ImageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Parameters(index = "0", paramLabel = "SOURCE", description = "Block device, partition or image file to acquire.")
  Path source;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "New evidence directory (must not hold evidence).")
  Path out;

  @Mixin CaseOptions caseOptions;

  @Option(names = "--format", paramLabel = "raw|split|e01", defaultValue = "raw",
      description = "raw: one file image.EXT; split: image.001, image.002, …; e01: an EnCase 6 E01 set image.E01, image.E02, …"
          + " (zlib-compressed 32 KiB chunks, read by EnCase, FTK, X-Ways, Autopsy, libewf and The Sleuth Kit) (default:"
          + " ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--segment-size", paramLabel = "SIZE", converter = ByteSizeConverter.class,
      description = "Segment size: of a split image, every segment but the last (default: 2GiB); of an E01 set, the most a"
          + " segment file holds (default: 1500MiB, at least 1MiB).")
  Long segmentSize;

  @Option(names = "--compression", paramLabel = "LEVEL", defaultValue = "fast",
      description = "E01 only: none (chunks stored), empty-block (only chunks of one repeated byte compressed), fast (zlib"
          + " level 1) or best (zlib level 9); a chunk is stored compressed only where that is smaller (default:"
          + " ${DEFAULT-VALUE}).")
  String compression;

  @Option(names = "--extension", paramLabel = "EXT", defaultValue = "ima",
      description = "Extension of a raw image: ima, dd, img or raw (default: ${DEFAULT-VALUE}).")
  String extension;

  @Mixin PipelineOptions pipeline;

  @Mixin WriteBlockOptions writeBlock;

  @Mixin SigningOptions signing;

  @Option(names = "--verify-image",
      description = "Once the manifest is written, read the image back from the disk (O_DIRECT, past the page cache) and compare"
          + " its digests with the manifest's: an image-verified custody event; exit 1 if they differ.")
  boolean verifyImage;

  @Option(names = "--verify-source",
      description = "Once the manifest is written, read the source again (read-only, write-blocked as for the acquisition) and"
          + " compare its digests with the manifest's: a source-verified custody event; exit 1 if they differ.")
  boolean verifySource;

  @Override
  public Integer call() throws CustosException, InterruptedException {
    CaseInfo caseInfo;
    String blocker;
    try {
      caseInfo = caseOptions.toCaseInfo();
      blocker = writeBlock.blocker();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    SigningOptions.Signing signed = signing.resolve("acquire image");
    Environment environment = Environment.of(spec);
    CustodyRecorder recorder = environment.recorder(signed.signer(), caseInfo.examiner());
    AcquisitionRequest request;
    try {
      request = new AcquisitionRequest(source, out, caseInfo, layout(), pipeline.algorithms,
          pipeline.pieceAlgorithm(), pipeline.pieceSize, pipeline.blockSize(), pipeline.rescue(), writeBlock.setReadOnly, blocker);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    Object root = spec.root().userObject();
    AfterAcquisitionChecks checks = new AfterAcquisitionChecks(verifyImage,
        verifySource ? new Verification.SourceRequest(source, writeBlock.setReadOnly, blocker) : null,
        root instanceof CustosCommand ? ((CustosCommand) root).beforeChecks() : AfterAcquisitionChecks.BeforeChecks.NOTHING);
    return AcquisitionRunner.run(environment, environment.invocation(spec), request, signed, recorder, checks, GoingOn.resume(signing, signed, writeBlock),
        spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }

  private ImageLayout layout() throws UsageException {
    boolean compressionGiven = spec.commandLine().getParseResult().hasMatchedOption("--compression");
    if (compressionGiven && !"e01".equals(format)) {
      throw new UsageException("--compression is for --format e01; a " + format + " image is stored as read");
    }
    switch (format) {
      case "raw":
        return ImageLayout.raw(extension);
      case "split":
        return ImageLayout.split(segmentSize == null ? 2L << 30 : segmentSize, 512);
      case "e01":
        try {
          return ImageLayout.e01(segmentSize == null ? E01Settings.DEFAULT_SEGMENT_SIZE : segmentSize,
              E01Compression.fromCliName(compression));
        } catch (IllegalArgumentException e) {
          throw new UsageException(e.getMessage(), e);
        }
      default:
        throw new UsageException("--format must be raw, split or e01, got '" + format + "'");
    }
  }

  /** Case fields. */
  static final class CaseOptions {
    @Option(names = "--case", required = true, paramLabel = "ID", description = "Case number.")
    String caseId;

    @Option(names = "--evidence", required = true, paramLabel = "ID", description = "Evidence item number.")
    String evidenceId;

    @Option(names = "--examiner", required = true, paramLabel = "NAME", description = "Examiner's name.")
    String examiner;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the evidence is.")
    String description;

    @Option(names = "--notes", paramLabel = "TEXT", description = "Anything else worth recording.")
    String notes;

    CaseInfo toCaseInfo() {
      return new CaseInfo(caseId, evidenceId, examiner, description, notes);
    }
  }

  /** Digests, pieces, reads. */
  static final class PipelineOptions {
    @Option(names = "--hash", paramLabel = "ALGS", converter = HashListConverter.class, defaultValue = "md5,sha256",
        description = "Whole-image digests, any of md5, sha1, sha256, sha512 (default: ${DEFAULT-VALUE}).")
    List<HashAlgorithm> algorithms;

    @Option(names = "--piece-size", paramLabel = "SIZE", converter = ByteSizeConverter.class, defaultValue = "64MiB",
        description = "One digest per piece of this size, to locate damage later (default: ${DEFAULT-VALUE}).")
    long pieceSize;

    @Option(names = "--piece-hash", paramLabel = "ALG", defaultValue = "sha256",
        description = "Piece digest: sha256 (cryptographic: a resumption keeps the pieces that match; a second SHA-256 pass)"
            + " or crc32c (nearly free, but only locates accidental damage: a resumption compares the image with the source)"
            + " (default: ${DEFAULT-VALUE}).")
    String pieceHash;

    PieceAlgorithm pieceAlgorithm() throws UsageException {
      try {
        return PieceAlgorithm.byName(pieceHash);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage(), e);
      }
    }

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
        description = "Passes over the unreadable sectors at the end of a rescue (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--rescue-time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "Most time the rescue of failed areas may take after the first pass (e.g. 30m, 2h, 45s); what it has not "
            + "reached by then is recorded as not read, with its state. Default: no limit.")
    Duration rescueTimeLimit;

    @Option(names = "--reverse",
        description = "Trim, scrape and begin the retries of failed areas from their end (as ddrescue -R): for a drive whose "
            + "damage is best approached from behind.")
    boolean reverse;

    RescueOptions rescue() throws UsageException {
      try {
        return new RescueOptions(retries, Optional.ofNullable(rescueTimeLimit), reverse);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage(), e);
      }
    }

    @Option(names = "--block-size", paramLabel = "SIZE", converter = ByteSizeConverter.class, defaultValue = "1MiB",
        description = "Bytes per read (default: ${DEFAULT-VALUE}).")
    long blockSize;

    int blockSize() throws UsageException {
      if (blockSize > AcquisitionRequest.MAX_BLOCK_SIZE) {
        throw new UsageException("block size must be at most 256MiB (" + AcquisitionRequest.MAX_BLOCK_SIZE + " bytes), got "
            + blockSize);
      }
      return (int) blockSize;
    }
  }
}
