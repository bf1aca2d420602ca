package io.cordon.secret;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface TradeSecretRepository extends JpaRepository<TradeSecret, Long>, JpaSpecificationExecutor<TradeSecret> {

  Optional<TradeSecret> findByCode(String code);

  List<TradeSecret> findByCodeIn(Collection<String> codes);

  boolean existsByCode(String code);
}
