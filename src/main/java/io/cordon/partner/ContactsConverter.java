package io.cordon.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** A partner's few contacts in one column, as JSON. */
@Converter
class ContactsConverter implements AttributeConverter<List<Contact>, String> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String convertToDatabaseColumn(List<Contact> contacts) {
    try {
      return JSON.writeValueAsString(contacts == null ? List.of() : contacts);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public List<Contact> convertToEntityAttribute(String column) {
    try {
      return column == null || column.isBlank() ? List.of() : List.copyOf(JSON.readValue(column, new TypeReference<List<Contact>>() { }));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored contacts are not JSON", e);
    }
  }
}
