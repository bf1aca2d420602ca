package io.cordon.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every form contract of every process module, found by where a submission comes in. */
@Component
public class FormContracts {

  private final Map<String, FormContract> byKey = new HashMap<>();

  FormContracts(List<ProcessForms> modules) {
    for (ProcessForms module : modules) {
      for (FormContract contract : module.contracts()) {
        if (byKey.put(key(contract.kind(), contract.processKey(), contract.elementId()), contract) != null) {
          throw new IllegalStateException("Two form contracts for " + contract.kind() + " " + contract.processKey()
              + "/" + contract.elementId());
        }
      }
    }
  }

  public Optional<FormContract> task(String processKey, String taskDefinitionKey) {
    return Optional.ofNullable(byKey.get(key(FormContract.Kind.TASK, processKey, taskDefinitionKey)));
  }

  /** The start contract of a process (whichever start event the form belongs to: Cordon's models have one). */
  public Optional<FormContract> start(String processKey) {
    return byKey.values().stream().filter(c -> c.kind() == FormContract.Kind.START && c.processKey().equals(processKey))
        .findFirst();
  }

  public Optional<FormContract> message(String messageName) {
    return Optional.ofNullable(byKey.get(key(FormContract.Kind.MESSAGE, null, messageName)));
  }

  public List<FormContract> all() {
    return List.copyOf(byKey.values());
  }

  private static String key(FormContract.Kind kind, String processKey, String elementId) {
    return kind + "/" + processKey + "/" + elementId;
  }
}
