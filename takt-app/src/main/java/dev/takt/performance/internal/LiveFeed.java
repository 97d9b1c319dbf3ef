package dev.takt.performance.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events for the plant view: each open page subscribes to its site; when an event
 * changed a work unit, its new tile goes to every subscriber of that site as a {@code tile} event
 * (JSON). A subscriber that went away is dropped on the next send.
 */
@Component
public class LiveFeed {

  private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
  private static final long TIMEOUT_MILLIS = 30 * 60 * 1000L;

  private final Map<String, List<SseEmitter>> subscribers = new ConcurrentHashMap<>();
  private final ObjectProvider<OeeService> oee;

  LiveFeed(ObjectProvider<OeeService> oee) {
    this.oee = oee;
  }

  /** A new subscription to a site's tiles (the caller has checked the site). */
  public SseEmitter subscribe(String site) {
    SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
    List<SseEmitter> list = subscribers.computeIfAbsent(site, s -> new CopyOnWriteArrayList<>());
    list.add(emitter);
    emitter.onCompletion(() -> list.remove(emitter));
    emitter.onTimeout(() -> list.remove(emitter));
    emitter.onError(e -> list.remove(emitter));
    try {
      emitter.send(SseEmitter.event().name("hello").data("{}", MediaType.APPLICATION_JSON));
    } catch (IOException e) {
      list.remove(emitter);
    }
    return emitter;
  }

  /**
   * The server is shutting down: ends every open stream, so that a graceful shutdown does not wait
   * for pages that would keep listening for half an hour (they reconnect to the next server).
   */
  @EventListener(ContextClosedEvent.class)
  void closeAll() {
    subscribers.values().forEach(list -> list.forEach(SseEmitter::complete));
    subscribers.clear();
  }

  /** A work unit's state or shift figures changed: send its tile to the site's subscribers. */
  void changed(String site, String workUnit) {
    List<SseEmitter> list = subscribers.get(site);
    if (list == null || list.isEmpty()) {
      return;
    }
    Views.Tile tile;
    var previous = SecurityContextHolder.getContext();
    try {
      // the feed reads as the server itself: its subscribers were checked when they subscribed
      SecurityContextHolder.clearContext();
      tile = oee.getObject().tile(site, workUnit).orElse(null);
    } catch (RuntimeException e) {
      log.warn("Could not build the tile of {}/{} for the plant view", site, workUnit, e);
      return;
    } finally {
      SecurityContextHolder.setContext(previous);
    }
    if (tile == null) {
      return;
    }
    for (SseEmitter emitter : list) {
      try {
        emitter.send(SseEmitter.event().name("tile").data(tile, MediaType.APPLICATION_JSON));
      } catch (IOException | IllegalStateException e) {
        list.remove(emitter);
      }
    }
  }
}
