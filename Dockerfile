# Build and run Cordon. Used by docker-compose.yml (profile mysql).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY templates templates
RUN ./mvnw -B -ntp -DskipTests package && cp target/cordon-*.jar /cordon.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 cordon
USER cordon
WORKDIR /app
COPY --from=build /cordon.jar /app/cordon.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/cordon.jar"]
