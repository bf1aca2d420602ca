package io.cordon.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Deploys the models under their classpath path ({@code bpmn/forms/NdaReview.html}). Camunda names a resource found
 * by a {@code classpath*:} pattern after its file: an absolute path when run from a build directory, the bare file
 * name from the jar. A form key {@code embedded:deployment:bpmn/forms/...} must name the resource exactly, the same
 * wherever Cordon runs.
 */
@Component
class ModelResourceNames extends AbstractProcessEnginePlugin {

  private static final String FOLDER = "/bpmn/";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // postInit: after the starter's deployment configuration has collected the resources in its preInit.
    if (configuration instanceof SpringProcessEngineConfiguration spring && spring.getDeploymentResources() != null) {
      spring.setDeploymentResources(Arrays.stream(spring.getDeploymentResources())
          .map(ModelResourceNames::byClasspathPath).toArray(Resource[]::new));
    }
  }

  static Resource byClasspathPath(Resource resource) {
    try {
      String url = resource.getURL().toString();
      int folder = url.lastIndexOf(FOLDER);
      return folder < 0 ? resource : new ModelResource(url.substring(folder + 1));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot locate model resource " + resource, e);
    }
  }

  /** Camunda names a {@link ContextResource} by its path within the context: here, the classpath. */
  private static final class ModelResource extends ClassPathResource implements ContextResource {

    ModelResource(String path) {
      super(path);
    }

    @Override
    public String getPathWithinContext() {
      return getPath();
    }
  }
}
