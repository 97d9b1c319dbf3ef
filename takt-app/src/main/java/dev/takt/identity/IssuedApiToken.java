package dev.takt.identity;

/** A token just created: the only time its secret is ever shown. */
public record IssuedApiToken(ApiTokenView token, String secret) {}
