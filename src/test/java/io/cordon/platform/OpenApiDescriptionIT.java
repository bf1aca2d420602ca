package io.cordon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.CordonIntegrationTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The OpenAPI description Cordon publishes is valid for a client generator's parser, survives a round trip through
 * it, and declares the file downloads and the template upload as what they are.
 */
@CordonIntegrationTest
class OpenApiDescriptionIT {

  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  @Autowired
  TestRestTemplate rest;

  @Test
  void descriptionIsValidAndRoundTripsThroughTheParser() {
    SwaggerParseResult first = parse(description());
    assertThat(first.getMessages()).as("validation messages").isEmpty();
    assertThat(first.getOpenAPI().getPaths()).isNotEmpty();

    String again = io.swagger.v3.core.util.Json.pretty(first.getOpenAPI());
    SwaggerParseResult second = parse(again);
    assertThat(second.getMessages()).isEmpty();
    assertThat(second.getOpenAPI().getPaths().keySet()).isEqualTo(first.getOpenAPI().getPaths().keySet());
    assertThat(io.swagger.v3.core.util.Json.pretty(second.getOpenAPI())).isEqualTo(again);
  }

  @Test
  void downloadsDeclareTheirFileTypeAsBinary() {
    OpenAPI api = parse(description()).getOpenAPI();
    Map<String, String> downloads = Map.of(
        "/api/ndas/{reference}/versions/{version}.docx", DOCX,
        "/api/ndas/{reference}/versions/{version}.pdf", "application/pdf",
        "/api/partners/{code}/offboardings/{id}/certificates/{ndaReference}.docx", DOCX,
        "/api/secrets/export.xlsx", XLSX,
        "/api/secrets/import-template.xlsx", XLSX,
        "/api/partners/export.xlsx", XLSX,
        "/api/secrets/{code}/lineage.xlsx", XLSX);
    downloads.forEach((path, type) -> {
      assertThat(api.getPaths()).as(path).containsKey(path);
      Map<String, MediaType> content = api.getPaths().get(path).getGet().getResponses().get("200").getContent();
      assertThat(content).as(path).containsOnlyKeys(type);
      Schema<?> schema = content.get(type).getSchema();
      assertThat(type(schema)).as(path).isEqualTo("string");
      assertThat(schema.getFormat()).as(path).isEqualTo("binary");
    });
    long undeclared = api.getPaths().entrySet().stream()
        .filter(e -> e.getKey().matches(".*\\.(xlsx|docx|pdf)$") && e.getValue().getGet() != null)
        .filter(e -> e.getValue().getGet().getResponses().get("200").getContent().containsKey("*/*")).count();
    assertThat(undeclared).as("downloads still declared as */*").isZero();
  }

  @Test
  void templateUploadIsMultipartWithAFilePart() {
    Operation upload = parse(description()).getOpenAPI().getPaths().get("/api/nda/templates/{key}/versions").getPost();
    assertThat(upload.getRequestBody().getContent()).containsOnlyKeys("multipart/form-data");
    Schema<?> form = upload.getRequestBody().getContent().get("multipart/form-data").getSchema();
    assertThat(form.getRequired()).isEqualTo(List.of("file"));
    Schema<?> file = form.getProperties().get("file");
    assertThat(type(file)).isEqualTo("string");
    assertThat(file.getFormat()).isEqualTo("binary");
  }

  /** OpenAPI 3.0 has one type, 3.1 a set of them. */
  private static String type(Schema<?> schema) {
    if (schema.getType() != null) {
      return schema.getType();
    }
    return schema.getTypes() == null || schema.getTypes().size() != 1 ? null : schema.getTypes().iterator().next();
  }

  private String description() {
    ResponseEntity<String> response = rest.withBasicAuth("paula", "paula").getForEntity("/v3/api-docs", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static SwaggerParseResult parse(String json) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(json, null, options);
  }
}
