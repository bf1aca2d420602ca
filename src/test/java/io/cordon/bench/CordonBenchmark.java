package io.cordon.bench;

import io.cordon.CordonIntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application, as {@link CordonIntegrationTest}, without the background walk of the evidence chain: on a
 * chain of a million events it would compete with the measurements for the CPU. Benchmark classes with this
 * annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CordonIntegrationTest
@TestPropertySource(properties = "cordon.evidence.verify-initial-delay=P1D")
public @interface CordonBenchmark {
}
