package dev.takt.web;

/**
 * One field at fault in a request, named by its JSON path (e.g. {@code operations[2].workCenter}).
 */
public record FieldError(String field, String message) {}
