package io.cordon.portal;

/** A link that exists but cannot be used: used, expired or withdrawn. The page says so, with HTTP 410. */
class LinkUnavailableException extends RuntimeException {

  private final PartnerLink.State state;

  LinkUnavailableException(PartnerLink.State state) {
    super("link " + state);
    this.state = state;
  }

  PartnerLink.State state() {
    return state;
  }
}
