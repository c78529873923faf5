package dev.mailgate.multimail.sandbox.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every delivery, in order, so tests can count what really left. */
public final class DeliveryLog {

  private final List<Delivery> deliveries = new ArrayList<>();

  public synchronized void add(Delivery delivery) {
    deliveries.add(delivery);
  }

  public synchronized List<Delivery> all() {
    return List.copyOf(deliveries);
  }

  public synchronized Map<String, Long> countByIdempotencyKey() {
    return countBy(Delivery::idempotencyKey);
  }

  public synchronized Map<String, Long> countByContent() {
    return countBy(Delivery::contentSha256);
  }

  public synchronized void clear() {
    deliveries.clear();
  }

  private Map<String, Long> countBy(Function<Delivery, String> key) {
    return deliveries.stream()
        .filter(d -> key.apply(d) != null)
        .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }
}
