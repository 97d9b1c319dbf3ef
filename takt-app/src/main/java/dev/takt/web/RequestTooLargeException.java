package dev.takt.web;

import java.io.IOException;

/** A request body over the limit (HTTP 413). An IOException so it surfaces from the stream read. */
class RequestTooLargeException extends IOException {
  RequestTooLargeException(long limit) {
    super("the request body is larger than " + limit + " bytes");
  }
}
