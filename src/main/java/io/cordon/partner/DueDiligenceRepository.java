package io.cordon.partner;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DueDiligenceRepository extends JpaRepository<DueDiligence, Long> {

  Optional<DueDiligence> findFirstByPartnerIdOrderByIdDesc(Long partnerId);
}
