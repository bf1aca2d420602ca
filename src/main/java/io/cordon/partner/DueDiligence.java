package io.cordon.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One due-diligence review of a partner; a partner sent back for more information gets a new one. */
@Entity
@Table(name = "due_diligence")
class DueDiligence {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long partnerId;
  private String processInstance;
  private String securityCertifications;
  private boolean accessControl;
  private boolean usesSubcontractors;
  @Column(name = "incidents_five_years")
  private boolean incidentsFiveYears;
  private String dataLocation;
  private String staffTurnover;
  private String privacyRegime;
  private String findings;
  @Enumerated(EnumType.STRING)
  private RiskTier riskTier;
  private String highestClassification;
  /** The descriptions of the decision table's rules that gave the tier, one per line. */
  private String riskRules;
  private String reviewerId;
  private Instant reviewedAt;

  protected DueDiligence() {
  }

  DueDiligence(long partnerId, String processInstance, DueDiligenceAnswers a, String reviewerId, Instant now) {
    this.partnerId = partnerId;
    this.processInstance = processInstance;
    this.securityCertifications = a.securityCertifications();
    this.accessControl = a.accessControlInPlace();
    this.usesSubcontractors = a.usesSubcontractors();
    this.incidentsFiveYears = a.incidentsLastFiveYears();
    this.dataLocation = a.dataLocation();
    this.staffTurnover = a.staffTurnover();
    this.privacyRegime = a.privacyRegime();
    this.findings = a.findings();
    this.reviewerId = reviewerId;
    this.reviewedAt = now;
  }

  void tier(RiskTier tier, String highestClassification, java.util.List<String> rules) {
    this.riskTier = tier;
    this.highestClassification = highestClassification;
    this.riskRules = rules == null || rules.isEmpty() ? null : clip(String.join("\n", rules), 1000);
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  Long getId() {
    return id;
  }

  Long getPartnerId() {
    return partnerId;
  }

  RiskTier getRiskTier() {
    return riskTier;
  }

  String getReviewerId() {
    return reviewerId;
  }

  DueDiligenceAnswers answers() {
    return new DueDiligenceAnswers(securityCertifications, accessControl, usesSubcontractors, incidentsFiveYears,
        dataLocation, staffTurnover, privacyRegime, findings);
  }

  DueDiligenceView view() {
    return new DueDiligenceView(answers(), riskTier, highestClassification,
        riskRules == null ? java.util.List.of() : java.util.List.of(riskRules.split("\n")), reviewerId, reviewedAt);
  }
}
