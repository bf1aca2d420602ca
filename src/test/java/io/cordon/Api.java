package io.cordon;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls the running application's REST API as a demo user (password = user name). */
public final class Api {

  private final TestRestTemplate rest;
  private final String user;

  private Api(TestRestTemplate rest, String user) {
    this.rest = rest;
    this.user = user;
  }

  public static Api as(TestRestTemplate rest, String user) {
    return new Api(rest, user);
  }

  public ResponseEntity<JsonNode> get(String path) {
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.GET, null, JsonNode.class);
  }

  public ResponseEntity<JsonNode> post(String path, Object body) {
    return send(HttpMethod.POST, path, body);
  }

  public ResponseEntity<JsonNode> put(String path, Object body) {
    return send(HttpMethod.PUT, path, body);
  }

  private ResponseEntity<JsonNode> send(HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }
}
