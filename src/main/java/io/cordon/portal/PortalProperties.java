package io.cordon.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cordon.portal.*}.
 *
 * @param linkValidity    how long a link works after it was sent
 * @param perToken        requests one link may make per window (pages and submissions)
 * @param perAddress      requests one client address may make per window to any link, known or guessed
 * @param rateWindow      the window of both limits
 * @param helpContact     whom a partner contact asks when a link no longer works (shown on the page)
 */
@ConfigurationProperties("cordon.portal")
record PortalProperties(
    @DefaultValue("P14D") Duration linkValidity,
    @DefaultValue("30") int perToken,
    @DefaultValue("120") int perAddress,
    @DefaultValue("PT10M") Duration rateWindow,
    @DefaultValue("your contact in our procurement department") String helpContact) {

  PortalProperties {
    if (linkValidity.isNegative() || linkValidity.isZero() || perToken < 1 || perAddress < 1) {
      throw new IllegalArgumentException("cordon.portal: link-validity, per-token and per-address must be positive");
    }
  }
}
