package dev.takt.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.testing.Api;
import dev.takt.testing.TaktIntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What any endpoint does with requests no honest client sends: each is a 4xx problem, never a 500,
 * and nothing is written. The user endpoint stands in for all; the per-resource tests cover fields.
 */
@TaktIntegrationTest
class HostileRequestsIT {

  @Autowired Api api;

  @Test
  void aBodyDeclaredLargerThanTheLimitIsRefusedWith413() {
    String huge = "{\"username\":\"" + "a".repeat(1_100_000) + "\"}";
    var response = api.asAdmin().post("/api/v1/users", huge);
    response.expect(413);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefusedWith413() throws Exception {
    // given a body streamed without Content-Length
    byte[] body =
        ("{\"displayName\":\"" + "b".repeat(1_200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/users"))
            .header("Content-Type", "application/json")
            .header("Authorization", basicAdmin())
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();
    // when
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    // then
    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void deeplyNestedJsonIsABadRequestNotAStackOverflow() {
    String nested = "[".repeat(5_000) + "]".repeat(5_000);
    var response = api.asAdmin().post("/api/v1/users", "{\"roles\":" + nested + "}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void trailingGarbageAfterTheJsonIsRefused() {
    var response =
        api.asAdmin()
            .post(
                "/api/v1/users",
                "{\"username\":\"trailing\",\"displayName\":\"T\",\"roles\":[],\"sites\":[]} {\"x\":1}");
    response.expect(400);
    api.asAdmin().get("/api/v1/users/trailing").expect(404);
  }

  @Test
  void aNumberWhereTextBelongsIsAWrongTypeNotText() {
    var response =
        api.asAdmin()
            .post(
                "/api/v1/users",
                "{\"username\":\"numeric-name\",\"displayName\":42,\"roles\":[],\"sites\":[]}");
    response.expect(400);
    org.assertj.core.api.Assertions.assertThat(response.faultyFields())
        .containsExactly("displayName");
    api.asAdmin().get("/api/v1/users/numeric-name").expect(404);
  }

  @Test
  void anotherContentTypeIsRefusedWith415() {
    var response =
        api.asAdmin().header("Content-Type", "text/xml").send("POST", "/api/v1/users", null);
    assertThat(response.status()).isEqualTo(415);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void anUnsupportedMethodIsRefusedWith405() {
    var response = api.asAdmin().send("PATCH", "/api/v1/users", "{}");
    assertThat(response.status()).isEqualTo(405);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void anUnknownApiPathIsA404Problem() {
    var response = api.asAdmin().get("/api/v1/no-such-thing");
    response.expect(404);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aNonNumericLimitNamesTheParameter() {
    var response = api.asAdmin().get("/api/v1/users?limit=lots").expect(400);
    assertThat(response.faultyFields()).containsExactly("limit");
  }

  @Test
  void anOutOfRangeLimitNamesTheParameter() {
    var response = api.asAdmin().get("/api/v1/users?limit=100000").expect(400);
    assertThat(response.faultyFields()).containsExactly("limit");
  }

  @Test
  void controlCharactersAndScriptInTextAreStoredAsTextAndNeverExecuted() {
    var created =
        api.asAdmin()
            .post(
                "/api/v1/users",
                "{\"username\":\"xss-probe\",\"displayName\":\"<script>alert(1)</script>\","
                    + "\"roles\":[],\"sites\":[]}")
            .expect(201);
    assertThat(created.contentType()).startsWith("application/json");
    assertThat(created.json().path("displayName").asString())
        .isEqualTo("<script>alert(1)</script>");
  }

  private static String basicAdmin() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }
}
