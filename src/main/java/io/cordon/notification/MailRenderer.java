package io.cordon.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail for one recipient from {@code templates/mail/<kind>.html} and {@code .txt}. The engine is private to
 * this class (plain Thymeleaf, no Spring MVC integration): it sees only {@code templates/mail/} and serves no web view.
 * HTML templates use {@code th:text}, so every value is escaped.
 */
@Component
class MailRenderer {

  static final String TEMPLATES = "templates/mail/";
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH);
  private static final int MAX_SUBJECT = 200;

  private final TemplateEngine engine = new TemplateEngine();
  private final NotificationProperties properties;
  private final String baseUrl;

  MailRenderer(NotificationProperties properties, @Value("${cordon.base-url:http://localhost:8080}") String baseUrl) {
    this.properties = properties;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 1));
    engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 2));
  }

  record Rendered(String subject, String html, String text) {
  }

  /** What the templates see. Dates are already in the recipient's zone; {@code task} and {@code partner} may be null. */
  record TaskModel(String name, String due, String link, String heldBy) {
  }

  Rendered render(MailRequest request, Recipient to) {
    ZoneId zone = to.zone() != null ? to.zone() : properties.zone();
    TaskModel task = request.task() == null ? null : new TaskModel(request.task().name(),
        request.task().due() == null ? null : DUE.format(request.task().due().atZone(zone)),
        tasklistLink(request.task().taskId()), request.task().heldBy());
    String subject = subject(request, task);
    Map<String, Object> model = new HashMap<>();
    model.put("recipient", to.name());
    model.put("subject", subject);
    model.put("task", task);
    model.put("partner", request.partner());
    model.put("secrets", request.secrets());
    model.put("paragraphs", request.paragraphs());
    model.put("action", request.action());
    Context context = new Context(Locale.ENGLISH, model);
    String name = request.kind().template();
    return new Rendered(subject, engine.process(name + ".html", context), engine.process(name + ".txt", context));
  }

  String tasklistLink(String taskId) {
    if (taskId == null) {
      return baseUrl + "/camunda/app/tasklist/default/";
    }
    return baseUrl + "/camunda/app/tasklist/default/#/?task=" + URLEncoder.encode(taskId, StandardCharsets.UTF_8);
  }

  private static String subject(MailRequest request, TaskModel task) {
    // Task names say for whom already (workflow/TaskNamesPlugin); the code is added only where one does not.
    String partner = request.partner() == null || task == null || task.name() == null
        || task.name().contains(request.partner().code())
        ? "" : " (" + request.partner().code() + ")";
    String subject = switch (request.kind()) {
      case TASK_REMINDER -> "Reminder: " + task.name() + partner + (task.due() == null ? "" : " is due " + task.due());
      case TASK_ESCALATION -> "Overdue: " + task.name() + partner + (task.due() == null ? "" : " was due " + task.due());
      case NOTICE -> request.subject();
    };
    // One line: a line break in a subject would be a header injection.
    String line = subject.replaceAll("\\p{Cntrl}+", " ").strip();
    return line.length() <= MAX_SUBJECT ? line : line.substring(0, MAX_SUBJECT - 1) + "…";
  }

  private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailRenderer.class.getClassLoader());
    resolver.setPrefix(TEMPLATES);
    resolver.setResolvablePatterns(Set.of(pattern));
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    resolver.setCacheable(true);
    resolver.setOrder(order);
    return resolver;
  }
}
