package dev.takt.testing;

import dev.takt.shared.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the running test server that speaks like a caller: {@code api.asAdmin().post(...)},
 * {@code api.as(operator).get(...)}, {@code api.anonymous()}. Bodies are JSON text or any object
 * Jackson can write; responses keep status, headers and body for assertions.
 */
@TestComponent
public class Api {

  public static final String ADMIN_PASSWORD = "it-admin-password-only-for-tests";
  public static final String USER_PASSWORD = "it-user-password-only-for-tests";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Environment env;

  public Api(Environment env) {
    this.env = env;
  }

  /** Credentials of a test user. */
  public record Login(String username, String password) {}

  public String baseUrl() {
    return "http://127.0.0.1:" + env.getProperty("local.server.port");
  }

  public Caller asAdmin() {
    return as(new Login("admin", ADMIN_PASSWORD));
  }

  public Caller as(Login login) {
    String basic =
        Base64.getEncoder().encodeToString((login.username() + ":" + login.password()).getBytes());
    return new Caller(Map.of("Authorization", "Basic " + basic));
  }

  public Caller withToken(String token) {
    return new Caller(Map.of("Authorization", "Bearer " + token));
  }

  public Caller anonymous() {
    return new Caller(Map.of());
  }

  /**
   * Creates a user with these roles and sites (through the API, as admin) and returns its login.
   */
  public Login aUser(List<Role> roles, List<String> sites) {
    String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Map<String, Object> body =
        Map.of(
            "username", username,
            "displayName", "Test user " + username,
            "password", USER_PASSWORD,
            "roles", roles,
            "sites", sites);
    asAdmin().post("/api/v1/users", body).expect(201);
    return new Login(username, USER_PASSWORD);
  }

  public Login aUserWith(Role role, String... sites) {
    return aUser(List.of(role), Arrays.asList(sites));
  }

  public static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  public static String toJson(Object body) {
    return body instanceof String s ? s : JSON.writeValueAsString(body);
  }

  /** One caller's credentials and extra headers. */
  public final class Caller {
    private final Map<String, String> headers;

    private Caller(Map<String, String> headers) {
      this.headers = headers;
    }

    public Caller header(String name, String value) {
      Map<String, String> more = new java.util.HashMap<>(headers);
      more.put(name, value);
      return new Caller(more);
    }

    public Response get(String path) {
      return send("GET", path, null);
    }

    public Response post(String path, Object body) {
      return send("POST", path, body);
    }

    public Response put(String path, Object body) {
      return send("PUT", path, body);
    }

    public Response delete(String path) {
      return send("DELETE", path, null);
    }

    public Response send(String method, String path, Object body) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(baseUrl() + path))
              .timeout(Duration.ofSeconds(30))
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(toJson(body)));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      if (!headers.containsKey("Accept")) {
        request.header("Accept", "application/json, application/problem+json");
      }
      headers.forEach(request::header);
      try {
        HttpResponse<String> response =
            HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(method + " " + path, response);
      } catch (Exception e) {
        throw new IllegalStateException(method + " " + path + " failed: " + e, e);
      }
    }
  }

  /** A response with helpers that put the body into assertion messages. */
  public record Response(String call, HttpResponse<String> raw) {
    public int status() {
      return raw.statusCode();
    }

    public String body() {
      return raw.body();
    }

    public JsonNode json() {
      return Api.json(raw.body());
    }

    public String contentType() {
      return raw.headers().firstValue("Content-Type").orElse("");
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    /** Asserts the status and returns this response; the message shows the whole body. */
    public Response expect(int status) {
      if (raw.statusCode() != status) {
        throw new AssertionError(
            call + ": expected " + status + " but got " + raw.statusCode() + ": " + raw.body());
      }
      return this;
    }

    /** The {@code field} of each entry in a problem's {@code errors}. */
    public List<String> faultyFields() {
      List<String> fields = new ArrayList<>();
      JsonNode errors = json().path("errors");
      errors.forEach(e -> fields.add(e.path("field").asString()));
      return fields;
    }

    @Override
    public String toString() {
      return call + " -> " + status() + " " + body();
    }
  }
}
