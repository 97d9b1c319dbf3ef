package dev.takt.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * An HTTP test against the real server on a random port, on a database of its own (H2 or
 * PostgreSQL, see {@link TestDatabase}). Inject {@link Api} to call it. The first start creates
 * {@code admin} with the password {@link Api#ADMIN_PASSWORD}; no demo data is seeded.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresReachable.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "takt.demo.data=off",
      "takt.admin.password=" + Api.ADMIN_PASSWORD,
      "takt.security.bcrypt-strength=4",
      "logging.level.root=WARN",
      "takt.simulator.port=0"
    })
@ContextConfiguration(initializers = TestDatabase.class)
@Import(Api.class)
public @interface TaktIntegrationTest {}
