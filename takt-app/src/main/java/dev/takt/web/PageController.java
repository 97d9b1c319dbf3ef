package dev.takt.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller of server-rendered pages in the shared layout. The layout's model (user, navigation,
 * site switcher) is added to these only, not to REST calls.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Controller
public @interface PageController {
  @AliasFor(annotation = Controller.class)
  String value() default "";
}
