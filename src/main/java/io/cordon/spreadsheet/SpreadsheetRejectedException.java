package io.cordon.spreadsheet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An uploaded workbook Cordon will not import, and why: becomes a problem detail with the given status, title and
 * detail, an {@code errors} list of {@link RowError}s where cells are concerned, and any further report fields.
 */
public class SpreadsheetRejectedException extends RuntimeException {

  private final HttpStatus status;
  private final String title;
  private final List<RowError> errors;
  private final Map<String, Object> properties;

  public SpreadsheetRejectedException(HttpStatus status, String title, String detail, List<RowError> errors,
      Map<String, Object> properties) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.properties = new LinkedHashMap<>(properties);
  }

  public SpreadsheetRejectedException(HttpStatus status, String title, String detail) {
    this(status, title, detail, List.of(), Map.of());
  }

  public static SpreadsheetRejectedException unsupported(String detail) {
    return new SpreadsheetRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported file", detail);
  }

  public static SpreadsheetRejectedException tooLarge(String detail) {
    return new SpreadsheetRejectedException(HttpStatus.PAYLOAD_TOO_LARGE, "File too large", detail);
  }

  public static SpreadsheetRejectedException unprocessable(String title, String detail, List<RowError> errors) {
    return new SpreadsheetRejectedException(HttpStatus.UNPROCESSABLE_ENTITY, title, detail, errors, Map.of());
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<RowError> errors() {
    return errors;
  }

  public Map<String, Object> properties() {
    return properties;
  }
}
