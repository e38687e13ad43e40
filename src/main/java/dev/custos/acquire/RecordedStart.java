package dev.custos.acquire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.digest.HashAlgorithm;
import dev.custos.digest.PieceAlgorithm;
import dev.custos.evidence.CaseInfo;
import dev.custos.image.ImageLayout;
import dev.custos.image.e01.E01Compression;
import dev.custos.rescue.RescueOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@code acquisition-started} custody event records of the acquisition a resumption goes
 * on with: the case, the source and the parameters, as {@link AcquisitionEvents#started} wrote
 * them (the manifest's {@code case}, {@code source} and {@code parameters} members). The one place
 * in {@code acquire} that reads that event's data; only the signed log is trusted for these.
 * Immutable.
 *
 * @param sourcePath the source's path as recorded
 * @param sourceSize its size in bytes
 * @param model its model, if it had one
 * @param serial its serial number, if it had one
 * @param logicalSectorSize its logical sector size in bytes
 * @param errorGranularity the unit of reads after an error
 * @param invocation the command line that started the acquisition; empty when the event records none
 */
record RecordedStart(Path sourcePath, long sourceSize, Optional<String> model, Optional<String> serial, int logicalSectorSize,
    CaseInfo caseInfo, ImageLayout layout, List<HashAlgorithm> algorithms, PieceAlgorithm pieceAlgorithm, long pieceSize,
    int blockSize, int retries, int errorGranularity, Optional<dev.custos.evidence.Invocation> invocation) {

  RecordedStart {
    Objects.requireNonNull(sourcePath, "sourcePath");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(serial, "serial");
    algorithms = List.copyOf(algorithms);
    Objects.requireNonNull(invocation, "invocation");
  }

  /**
   * Reads the event's {@code data}.
   *
   * @throws IllegalArgumentException naming the member, if one is missing or of the wrong type
   * @throws ArithmeticException if a size does not fit
   */
  static RecordedStart of(JsonNode data) {
    JsonNode source = data.path("source");
    JsonNode parameters = data.path("parameters");
    return new RecordedStart(Path.of(text(source, "path")), number(source, "sizeBytes"), optionalText(source, "model"),
        optionalText(source, "serial"), Math.toIntExact(number(source, "logicalSectorSize")), caseInfo(data.path("case")),
        layout(parameters), algorithms(parameters), PieceAlgorithm.byName(text(parameters, "pieceAlgorithm")),
        number(parameters, "pieceSize"), Math.toIntExact(number(parameters, "blockSize")),
        Math.toIntExact(number(parameters, "retries")), Math.toIntExact(number(parameters, "errorGranularity")),
        dev.custos.evidence.AcquisitionEventJson.invocation(data));
  }

  /**
   * What was asked for, read from {@code source} now where the examiner names another path.
   *
   * @throws IllegalArgumentException if the recorded values are not a request's ({@link AcquisitionRequest})
   */
  AcquisitionRequest request(Optional<Path> source, Path directory, boolean setReadOnly, String hardwareBlocker) {
    return new AcquisitionRequest(source.orElse(sourcePath), directory, caseInfo, layout, algorithms, pieceAlgorithm, pieceSize,
        blockSize, new RescueOptions(retries, Optional.empty(), false), setReadOnly, hardwareBlocker);
  }

  private static CaseInfo caseInfo(JsonNode node) {
    return new CaseInfo(text(node, "caseId"), text(node, "evidenceId"), text(node, "examiner"),
        optionalText(node, "description").orElse(null), optionalText(node, "notes").orElse(null));
  }

  private static ImageLayout layout(JsonNode parameters) {
    String format = text(parameters, "format");
    if ("e01".equals(format)) {
      return ImageLayout.e01(number(parameters, "segmentSize"), E01Compression.fromCliName(text(parameters, "compression")));
    }
    return "split".equals(format)
        ? ImageLayout.split(number(parameters, "segmentSize"), 512)
        : ImageLayout.raw(text(parameters, "extension"));
  }

  private static List<HashAlgorithm> algorithms(JsonNode parameters) {
    List<HashAlgorithm> algorithms = new ArrayList<>();
    for (JsonNode id : parameters.path("algorithms")) {
      algorithms.add(HashAlgorithm.byName(id.asText()));
    }
    return algorithms;
  }

  private static Optional<String> optionalText(JsonNode node, String member) {
    JsonNode value = node.path(member);
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  private static String text(JsonNode node, String member) {
    return optionalText(node, member).orElseThrow(() -> new IllegalArgumentException(member + " is not recorded"));
  }

  private static long number(JsonNode node, String member) {
    JsonNode value = node.path(member);
    if (!value.canConvertToLong() || !value.isIntegralNumber()) {
      throw new IllegalArgumentException(member + " is not recorded as an integer");
    }
    return value.asLong();
  }
}
