package io.cordon.platform;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The properties a list may be sorted by, per endpoint. Anything else is a 400 naming the allowed ones: sorting by an
 * arbitrary path (say {@code secret.title}) would order rows by a value the caller may not see.
 */
public record SortableProperties(Set<String> allowed) {

  public static SortableProperties of(String... properties) {
    return new SortableProperties(new TreeSet<>(List.of(properties)));
  }

  /** The page as asked, once every sort property is checked against the allowed ones. */
  public Pageable check(Pageable page) {
    for (Sort.Order order : page.getSort()) {
      if (!allowed.contains(order.getProperty())) {
        String asked = order.getProperty().length() > 60 ? order.getProperty().substring(0, 60) + "..." : order.getProperty();
        throw new InvalidInputException("Cannot sort by '" + asked + "'. Sort by one of: " + String.join(", ", allowed)
            + " (for example sort=" + allowed.iterator().next() + ",desc).",
            List.of(new InvalidInputException.Violation("sort", "allowed: " + String.join(", ", allowed))));
      }
    }
    return page;
  }
}
