package dev.takt.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Values for an {@code IN (:list)} parameter. Spring expands the list into one placeholder per
 * value, so each length is another statement text; the PostgreSQL driver keeps 256 prepared
 * statements per connection, and lists of every length from 1 to 500 would push the bookings'
 * statements out of that cache (parsed and planned again by the database). Padded with the last
 * value to a power of two, a list of up to 512 values makes at most ten texts.
 */
public final class InList {
  private InList() {}

  public static <T> List<T> padded(Collection<T> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("an IN list needs at least one value");
    }
    List<T> list = new ArrayList<>(values);
    int size = Integer.highestOneBit(list.size());
    if (size < list.size()) {
      size *= 2;
    }
    T last = list.getLast();
    while (list.size() < size) {
      list.add(last);
    }
    return list;
  }
}
