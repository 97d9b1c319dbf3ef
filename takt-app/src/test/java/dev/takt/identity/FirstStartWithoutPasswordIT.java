package dev.takt.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.testing.Api;
import dev.takt.testing.PostgresReachable;
import dev.takt.testing.TestDatabase;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The first start of an empty database without TAKT_ADMIN_PASSWORD: a random password is logged
 * once (at WARN, so that it shows even with the quiet test logging) and works.
 */
@ExtendWith({PostgresReachable.class, OutputCaptureExtension.class})
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "takt.demo.data=off",
      "takt.admin.password=",
      "takt.security.bcrypt-strength=4",
      "logging.level.root=WARN"
    })
@ContextConfiguration(initializers = TestDatabase.class)
@Import(Api.class)
class FirstStartWithoutPasswordIT {

  private static final Pattern GENERATED =
      Pattern.compile("created user 'admin' with password\\s+(\\S+)");

  @Autowired Api api;

  @Test
  void theFirstStartLogsAGeneratedPasswordOnceAndItLetsTheAdministratorIn(CapturedOutput output) {
    // given
    Matcher line = GENERATED.matcher(output.getAll());

    // when
    assertThat(line.find()).as("the log shows the generated password").isTrue();
    String password = line.group(1);

    // then
    assertThat(password).hasSizeGreaterThanOrEqualTo(16);
    assertThat(line.find()).as("the password is logged only once").isFalse();
    api.as(new Api.Login("admin", password)).get("/api/v1/me").expect(200);
    api.as(new Api.Login("admin", Api.ADMIN_PASSWORD)).get("/api/v1/me").expect(401);
  }
}
