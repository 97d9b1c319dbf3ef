package dev.takt.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an endpoint. Every handler method of Takt carries this annotation (on the
 * method or its class) or {@link PublicEndpoint}; a test walks all mapped endpoints and fails on
 * one that has neither, so no endpoint can be left open by accident.
 *
 * <p>The check runs before the request body is read, so a caller without the role gets 403 even for
 * a malformed body.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresRole {
  Role[] value();
}
