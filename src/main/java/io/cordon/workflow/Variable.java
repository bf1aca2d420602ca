package io.cordon.workflow;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A variable that the process writes (a service step, a listener), typed: the one place that knows how it is stored.
 * Lists are kept as comma-separated text, so that no value needs serialization. Users never write these: the form
 * gate lets a submission set only its form's fields ({@link Field}).
 *
 * @param <T> the value's type in Java
 */
public final class Variable<T> {

  private final String name;
  private final Function<Object, T> decode;
  private final Function<T, Object> encode;

  private Variable(String name, Function<Object, T> decode, Function<T, Object> encode) {
    this.name = name;
    this.decode = decode;
    this.encode = encode;
  }

  public static Variable<String> text(String name) {
    return new Variable<>(name, v -> v == null || v.toString().isBlank() ? null : v.toString().strip(), v -> v);
  }

  public static Variable<Long> id(String name) {
    return new Variable<>(name, v -> v == null ? null : ((Number) v).longValue(), v -> v);
  }

  public static Variable<Integer> count(String name) {
    return new Variable<>(name, v -> v == null ? null : ((Number) v).intValue(), v -> v);
  }

  public static Variable<Boolean> flag(String name) {
    return new Variable<>(name, v -> v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString()), v -> v);
  }

  public static Variable<Instant> time(String name) {
    return new Variable<>(name, v -> v == null ? null : ((Date) v).toInstant(), v -> v == null ? null : Date.from(v));
  }

  /** Codes (secret codes, partner codes, clause references), in order, without duplicates. */
  public static Variable<List<String>> codes(String name) {
    return new Variable<>(name, v -> split(v).toList(), Variable::join);
  }

  /** Record ids (disclosures), in order, without duplicates. */
  public static Variable<List<Long>> ids(String name) {
    return new Variable<>(name, v -> split(v).map(Long::valueOf).toList(), Variable::join);
  }

  public String name() {
    return name;
  }

  public T get(VariableScope scope) {
    return decode.apply(scope.getVariable(name));
  }

  /** The value, which must be there (the process wrote it in an earlier step). */
  public T require(VariableScope scope) {
    T value = get(scope);
    if (value == null) {
      throw new IllegalStateException("Process variable " + name + " is missing");
    }
    return value;
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, encode.apply(value));
  }

  private static java.util.stream.Stream<String> split(Object value) {
    return value == null ? java.util.stream.Stream.empty()
        : Arrays.stream(value.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct();
  }

  private static String join(Collection<?> values) {
    return values == null ? "" : values.stream().map(String::valueOf).distinct().collect(Collectors.joining(","));
  }
}
