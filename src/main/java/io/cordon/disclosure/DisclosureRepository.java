package io.cordon.disclosure;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DisclosureRepository extends JpaRepository<Disclosure, Long> {

  /** The approvals of these disclosures, each disclosure's in the order they were given. */
  @Query("""
      select new io.cordon.disclosure.ApprovalRow(d.id, a.approverId, a.approverRole, a.decision, a.decidedAt, a.comment)
      from Disclosure d join d.approvals a where d.id in :ids order by d.id, index(a)""")
  List<ApprovalRow> approvalsOf(@Param("ids") Collection<Long> ids);

  @Query(value = """
      select new io.cordon.disclosure.HolderView(d.id, p.code, p.legalName, p.country, d.ndaReference, d.ndaVersion,
        d.status, d.requestedAt, d.disclosedAt, d.closedAt)
      from Disclosure d join d.partner p
      where d.secret.id = :secretId and d.status in :statuses""",
      countQuery = "select count(d) from Disclosure d where d.secret.id = :secretId and d.status in :statuses")
  Page<HolderView> holders(@Param("secretId") long secretId, @Param("statuses") Collection<DisclosureStatus> statuses, Pageable page);

  @Query(value = """
      select new io.cordon.disclosure.HoldingView(d.id, s.code, s.title, s.classification, s.ownerId, d.ndaReference,
        d.ndaVersion, d.status, d.requestedAt, d.disclosedAt, d.closedAt)
      from Disclosure d join d.secret s
      where d.partner.id = :partnerId and d.status in :statuses""",
      countQuery = "select count(d) from Disclosure d where d.partner.id = :partnerId and d.status in :statuses")
  Page<HoldingView> holdings(@Param("partnerId") long partnerId, @Param("statuses") Collection<DisclosureStatus> statuses, Pageable page);

  @Query("""
      select new io.cordon.disclosure.CurrentHolder(d.id, s.code, p.code, p.legalName, p.country, d.status, d.disclosedAt,
        d.ndaReference, d.ndaVersion, d.permittedRecipients)
      from Disclosure d join d.secret s join d.partner p
      where s.code in :secretCodes and d.status in :statuses order by s.code, p.code, d.id""")
  List<CurrentHolder> currentHolders(@Param("secretCodes") Collection<String> secretCodes,
      @Param("statuses") Collection<DisclosureStatus> statuses);

  @Query("select count(d) > 0 from Disclosure d where d.secret.id = :secretId and d.partner.id = :partnerId and d.status in :statuses")
  boolean existsOpen(@Param("secretId") long secretId, @Param("partnerId") long partnerId,
      @Param("statuses") Collection<DisclosureStatus> statuses);

  @Query("select d from Disclosure d where d.partner.id = :partnerId and d.status in :statuses order by d.id")
  List<Disclosure> findByPartner(@Param("partnerId") long partnerId, @Param("statuses") Collection<DisclosureStatus> statuses);

  /** Rows of (year, month, count) of disclosures requested since {@code from}. */
  @Query("""
      select year(d.requestedAt), month(d.requestedAt), count(d) from Disclosure d where d.requestedAt >= :from
      group by year(d.requestedAt), month(d.requestedAt)""")
  List<Object[]> countRequestedPerMonth(@Param("from") java.time.Instant from);
}
