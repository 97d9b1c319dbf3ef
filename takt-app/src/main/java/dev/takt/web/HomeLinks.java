package dev.takt.web;

import java.util.List;

/**
 * Links a module offers on the start page for the logged-in user, e.g. the terminals of an
 * operator's work units. Modules implement it as a bean; the web module knows none of them.
 */
public interface HomeLinks {

  /** A big tile on the start page: a short label, a line of detail, where it goes. */
  record Link(String label, String detail, String href) {}

  /** The message key of the heading above this module's links. */
  String headingKey();

  /** The links for the current user, empty to show nothing. */
  List<Link> links();
}
