package io.cordon.console;

import io.cordon.identity.Roles;
import io.cordon.recertification.CalendarState;
import io.cordon.recertification.RecertificationService;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** What is due: the re-certification calendar (month and list), NDAs ending soon, open tasks per group. */
@Controller
class DuePage {

  private final Due due;
  private final OpenTasks openTasks;

  DuePage(Due due, OpenTasks openTasks) {
    this.due = due;
    this.openTasks = openTasks;
  }

  @GetMapping("/console/due")
  @PreAuthorize(Roles.ANY_MEMBER)
  String show(@RequestParam(required = false) String month, @RequestParam(required = false) Set<CalendarState> state, Model model) {
    YearMonth shown = month(month);
    model.addAttribute("month", due.month(shown));
    model.addAttribute("previousMonth", shown.minusMonths(1).toString());
    model.addAttribute("nextMonth", shown.plusMonths(1).toString());
    model.addAttribute("states", CalendarState.values());
    model.addAttribute("chosenStates", state == null ? Set.of() : state);
    model.addAttribute("entries", due.list(state == null ? Set.of() : state));
    model.addAttribute("ndas", due.expiringNdas());
    model.addAttribute("tasks", openTasks.perGroup());
    return "due";
  }

  private static YearMonth month(String month) {
    if (month != null) {
      try {
        return YearMonth.parse(month);
      } catch (DateTimeParseException e) {
        // An unreadable month shows the current one.
      }
    }
    return YearMonth.from(RecertificationService.now().atZone(ZoneOffset.UTC));
  }
}
