package io.cordon.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks an operation's {@code @PreAuthorize} before its request body is read and validated: a caller who may not
 * call an operation gets 403, never a validation message about a body it had no right to send (which would tell it
 * what the operation expects). The check at the method stays; every Cordon expression is about groups only.
 */
@Configuration
class EarlyAuthorization implements HandlerInterceptor, WebMvcConfigurer {

  private final DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
  private final Map<Method, Expression> parsed = new ConcurrentHashMap<>();

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
    if (rule == null) {
      rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
    }
    if (rule == null) {
      return true;
    }
    String value = rule.value();
    Expression expression = parsed.computeIfAbsent(method.getMethod(), m -> expressions.getExpressionParser().parseExpression(value));
    EvaluationContext context = expressions.createEvaluationContext(() -> SecurityContextHolder.getContext().getAuthentication(),
        new SimpleMethodInvocation(method.getBean(), method.getMethod()));
    if (!ExpressionUtils.evaluateAsBoolean(expression, context)) {
      throw new AccessDeniedException("Not allowed: " + value);
    }
    return true;
  }
}
