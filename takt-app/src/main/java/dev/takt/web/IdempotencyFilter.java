package dev.takt.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes a write with an {@value #HEADER} header happen at most once per key and user.
 *
 * <p>The whole request runs in one transaction that first inserts the key row; the services'
 * {@code @Transactional} methods join it. A 2xx response (status, content type, Location, body) is
 * stored in the key row and committed together with what the request wrote, and only then sent:
 * nothing is acknowledged before it is committed. A non-2xx response rolls everything back,
 * including the key, so the client may fix the request and retry with the same key.
 *
 * <p>A retry after the first commit finds the key taken, then the key row, and gets the stored
 * response (header {@code Idempotent-Replayed: true}); a request with the same key but another
 * method, path or body is refused with 422. A concurrent duplicate blocks on the unique key
 * (PostgreSQL) or is told the key is taken (H2) while the first is still running; either way it
 * then waits until the first transaction ends and replays its answer, or, if the first one rolled
 * back, runs itself.
 *
 * <p>Runs after Spring Security (keys are per user) and only for API writes; the header is made
 * mandatory per endpoint by {@link RequiresIdempotencyKey}.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
public class IdempotencyFilter extends OncePerRequestFilter {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";
  static final int MAX_KEY_LENGTH = 100;

  private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(30);

  private final JdbcClient jdbc;
  private final TransactionTemplate requestTx;
  private final TransactionTemplate readTx;
  private final Clock clock;

  IdempotencyFilter(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.requestTx = new TransactionTemplate(transactions);
    this.readTx = new TransactionTemplate(transactions);
    this.readTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.readTx.setReadOnly(true);
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return request.getHeader(HEADER) == null
        || !WRITES.contains(request.getMethod())
        || !path.startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER);
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      problem(
          response,
          400,
          "Bad Request",
          HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters",
          HEADER);
      return;
    }
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      chain.doFilter(request, response); // the security chain answers this one
      return;
    }
    byte[] body;
    try {
      body = request.getInputStream().readAllBytes();
    } catch (RequestTooLargeException e) {
      problem(response, 413, "Content Too Large", e.getMessage(), null);
      return;
    }
    String path = request.getRequestURI();
    String target = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    Call call =
        new Call(
            auth.getName(),
            key,
            request.getMethod(),
            target,
            hash(request.getMethod() + " " + target + "\n", body));
    HttpServletRequest cached = new CachedBodyRequest(request, body);

    Instant deadline = clock.instant().plus(WAIT_FOR_FIRST);
    while (true) {
      // Insert first, look up only when the key is taken: a fresh key (nearly every request) then
      // costs no extra read transaction.
      ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
      boolean ran;
      try {
        ran = Boolean.TRUE.equals(requestTx.execute(s -> run(call, cached, wrapped, chain, s)));
      } catch (RuntimeException e) {
        // The commit itself failed (e.g. a serialization failure): nothing was written.
        log.warn("Idempotent request {} {} failed to commit: {}", call.method, call.target, e);
        response.reset();
        problem(
            response,
            503,
            "Service Unavailable",
            "the booking could not be committed; retry with the same " + HEADER,
            null);
        return;
      }
      if (ran) {
        wrapped.copyBodyToResponse();
        return;
      }
      // The key is taken: by a committed request (replay its answer), or by one still running
      // (wait for it, then try again: if it rolled back, this one runs).
      Optional<Stored> stored = readTx.execute(s -> find(call));
      if (stored.isPresent()) {
        replay(stored.get(), call, response);
        return;
      }
      if (clock.instant().isAfter(deadline)) {
        problem(
            response,
            409,
            "Conflict",
            "a request with this " + HEADER + " is still being processed; retry later",
            HEADER);
        return;
      }
      sleep();
    }
  }

  /** Runs the request in the transaction; false when the key was taken by someone else. */
  private boolean run(
      Call call,
      HttpServletRequest request,
      ContentCachingResponseWrapper response,
      FilterChain chain,
      TransactionStatus tx) {
    try {
      jdbc.sql(
              """
              INSERT INTO web_idempotency_key
                (idempotency_key, username, method, path, request_hash, created_at)
              VALUES (:key, :username, :method, :path, :hash, :now)
              """)
          .param("key", call.key)
          .param("username", call.username)
          .param("method", call.method)
          .param("path", truncate(call.target, 1000))
          .param("hash", call.hash)
          .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
          .update();
    } catch (DuplicateKeyException taken) {
      tx.setRollbackOnly();
      return false;
    }
    try {
      chain.doFilter(request, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ServletException e) {
      throw new IllegalStateException(e);
    }
    int status = response.getStatus();
    boolean success = status >= 200 && status < 300;
    if (success && tx.isRollbackOnly()) {
      // A success whose writes are doomed: roll back loudly rather than acknowledge nothing.
      throw new IllegalStateException("a 2xx answer whose transaction is marked for rollback");
    }
    if (success) {
      jdbc.sql(
              """
              UPDATE web_idempotency_key
                 SET response_status = :status, content_type = :type, location = :location,
                     body = :body
               WHERE username = :username AND idempotency_key = :key
              """)
          .param("status", status)
          .param("type", response.getContentType())
          .param("location", response.getHeader("Location"))
          .param("body", new String(response.getContentAsByteArray(), StandardCharsets.UTF_8))
          .param("username", call.username)
          .param("key", call.key)
          .update();
    } else {
      tx.setRollbackOnly();
    }
    return true;
  }

  private Optional<Stored> find(Call call) {
    return jdbc.sql(
            """
            SELECT method, path, request_hash, response_status, content_type, location, body
              FROM web_idempotency_key
             WHERE username = :username AND idempotency_key = :key
            """)
        .param("username", call.username)
        .param("key", call.key)
        .query(
            (rs, n) ->
                new Stored(
                    rs.getString("request_hash"),
                    rs.getInt("response_status"),
                    rs.getString("content_type"),
                    rs.getString("location"),
                    rs.getString("body")))
        .optional();
  }

  private static void replay(Stored stored, Call call, HttpServletResponse response)
      throws IOException {
    if (!stored.hash.equals(call.hash)) {
      problem(
          response,
          422,
          "Unprocessable Content",
          "this " + HEADER + " was used for a different request; use a new key for a new booking",
          HEADER);
      return;
    }
    response.setStatus(stored.status);
    response.setHeader(REPLAYED_HEADER, "true");
    if (stored.location != null) {
      response.setHeader("Location", stored.location);
    }
    if (stored.contentType != null) {
      response.setContentType(stored.contentType);
    }
    if (stored.body != null && !stored.body.isEmpty()) {
      byte[] bytes = stored.body.getBytes(StandardCharsets.UTF_8);
      response.setContentLength(bytes.length);
      response.getOutputStream().write(bytes);
    }
  }

  private static void problem(
      HttpServletResponse response, int status, String title, String detail, String field)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    String errors =
        field == null
            ? ""
            : ",\"errors\":[{\"field\":\"" + field + "\",\"message\":\"" + detail + "\"}]";
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\""
                + title
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail
                + "\""
                + errors
                + "}");
  }

  private static String hash(String head, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(head.getBytes(StandardCharsets.UTF_8));
      sha.update(body);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static void sleep() {
    try {
      Thread.sleep(25);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an idempotency key", e);
    }
  }

  private record Call(String username, String key, String method, String target, String hash) {}

  private record Stored(
      String hash, int status, String contentType, String location, String body) {}

  /** The request with its body read once, so it can be hashed and then handed on. */
  private static final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
      return new BufferedReader(
          new InputStreamReader(
              new ByteArrayInputStream(body), java.nio.charset.Charset.forName(encoding)));
    }
  }
}
