package dev.takt.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks write endpoints that refuse a request without an {@value IdempotencyFilter#HEADER} header
 * (400 naming it). Shop-floor terminals and scanners retry after a network blip; with the key a
 * retry returns the first answer instead of booking twice. The replay itself works for any write
 * that carries the header (see {@link IdempotencyFilter}); this annotation only makes it mandatory.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresIdempotencyKey {}
