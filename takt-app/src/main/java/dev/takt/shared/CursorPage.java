package dev.takt.shared;

import java.util.List;

/**
 * One page of a long list. {@code nextCursor} is opaque to the caller and null on the last page;
 * passing it back as {@code after} returns the next page, with nothing skipped or repeated.
 */
public record CursorPage<T>(List<T> items, String nextCursor) {}
