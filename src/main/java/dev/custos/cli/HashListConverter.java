package dev.custos.cli;

import dev.custos.digest.HashAlgorithm;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code md5,sha256}: a comma-separated list of digest algorithms, each once. */
final class HashListConverter implements ITypeConverter<List<HashAlgorithm>> {
  @Override
  public List<HashAlgorithm> convert(String value) {
    List<HashAlgorithm> algorithms = new ArrayList<>();
    for (String name : value.split(",")) {
      if (name.isBlank()) {
        continue;
      }
      HashAlgorithm algorithm;
      try {
        algorithm = HashAlgorithm.byName(name);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
      if (algorithms.contains(algorithm)) {
        throw new TypeConversionException(algorithm.id() + " is named twice in '" + value + "'");
      }
      algorithms.add(algorithm);
    }
    if (algorithms.isEmpty()) {
      throw new TypeConversionException("no hash algorithm in '" + value + "' (expected some of " + HashAlgorithm.idList() + ")");
    }
    return List.copyOf(algorithms);
  }
}
