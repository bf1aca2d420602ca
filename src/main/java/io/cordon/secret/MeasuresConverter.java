package io.cordon.secret;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Protection measures as a sorted comma-separated list of names. */
@Converter
class MeasuresConverter implements AttributeConverter<Set<ProtectionMeasure>, String> {

  @Override
  public String convertToDatabaseColumn(Set<ProtectionMeasure> measures) {
    return measures == null ? "" : measures.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
  }

  @Override
  public Set<ProtectionMeasure> convertToEntityAttribute(String column) {
    if (column == null || column.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(column.split(",")).map(ProtectionMeasure::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ProtectionMeasure.class)));
  }
}
