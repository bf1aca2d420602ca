package io.cordon.spreadsheet;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused workbook as an RFC 9457 problem detail. Ordered first: the general advice handles every other exception. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SpreadsheetProblemAdvice {

  @ExceptionHandler(SpreadsheetRejectedException.class)
  ResponseEntity<ProblemDetail> rejected(SpreadsheetRejectedException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    p.setTitle(e.title());
    e.properties().forEach(p::setProperty);
    if (!e.errors().isEmpty()) {
      p.setProperty("errors", e.errors());
    }
    return ResponseEntity.status(e.status()).body(p);
  }
}
