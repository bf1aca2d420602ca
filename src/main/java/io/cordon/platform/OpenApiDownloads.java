package io.cordon.platform;

import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Declares what the file downloads really return: a GET on a path ending in {@code .xlsx}, {@code .docx} or
 * {@code .pdf} answers 200 with that file type as binary, not {@code *}{@code /*} bytes, so generated clients save a file
 * instead of parsing JSON. One rule by extension, so a new download is described correctly without an annotation.
 */
@Component
class OpenApiDownloads implements OpenApiCustomizer {

  static final Map<String, String> MEDIA_TYPES = Map.of(
      ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      ".pdf", "application/pdf");

  @Override
  public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
    if (openApi.getPaths() == null) {
      return;
    }
    openApi.getPaths().forEach((path, item) -> MEDIA_TYPES.forEach((extension, type) -> {
      if (path.endsWith(extension) && item.getGet() != null && item.getGet().getResponses() != null) {
        ApiResponse ok = item.getGet().getResponses().get("200");
        if (ok != null) {
          ok.setContent(new Content().addMediaType(type, new MediaType().schema(new BinarySchema())));
        }
      }
    }));
  }
}
