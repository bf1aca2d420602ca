package io.cordon.partner;

public enum PartnerType {
  SUPPLIER, CONTRACT_MANUFACTURER, DISTRIBUTOR, RD_PARTNER, SERVICE_PROVIDER
}
