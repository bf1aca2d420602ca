# Build and run Cordon. Used by docker-compose.yml (profile mysql); see README "Production: MySQL".
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY templates templates
# -DskipTests skips unit and integration tests (CI runs them); the model lint (bpmnlint) is skipped here too, as the
# build image has no Node.js.
RUN ./mvnw -B -ntp -DskipTests -Dbpmnlint.skip=true package && cp target/cordon-*.jar /cordon.jar

FROM eclipse-temurin:17-jre
# LibreOffice Writer (headless) renders the .pdf downloads of NDAs and certificates; Noto CJK and DejaVu give it the
# glyphs of Chinese partner names and the bilingual template; curl serves the health check.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libreoffice-writer-nogui fonts-noto-cjk fonts-dejavu-core curl \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --system --create-home --uid 10001 cordon
USER cordon
WORKDIR /app
COPY --from=build /cordon.jar /app/cordon.jar
ENV CORDON_SOFFICE=/usr/bin/soffice
EXPOSE 8080
# Up when Spring Boot's health endpoint says so (database and engine included); first start migrates the schema.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=5 \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/cordon.jar"]
