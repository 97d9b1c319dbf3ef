package dev.takt.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The message the next page shows after a redirect ("Work center WC-10 saved."). */
public record Flash(String kind, String message) {

  public static void success(RedirectAttributes redirect, String message) {
    redirect.addFlashAttribute("flash", new Flash("success", message));
  }

  public static void error(RedirectAttributes redirect, String message) {
    redirect.addFlashAttribute("flash", new Flash("error", message));
  }
}
