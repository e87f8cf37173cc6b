# Build: Maven on JDK 17 compiles the controller and generates the CRD.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY config config
COPY routes routes
RUN mvn -B -q package -DskipTests

# Run: a JRE only, as a non-root user; the routes can be replaced by a ConfigMap at /app/routes.
FROM eclipse-temurin:17-jre
RUN useradd --uid 10001 --user-group --no-create-home --shell /usr/sbin/nologin controller
# The layout of the repository (target/, config/, routes/), so config/jvm.options holds for both.
WORKDIR /app
COPY --from=build /build/target/lib target/lib
COPY --from=build /build/target/resource-sync-controller.jar target/resource-sync-controller.jar
COPY routes routes
COPY config/application.properties config/application.properties
COPY config/jvm.options config/jvm.options
# The class-data sharing archive config/jvm.options names, made with this image's JVM and jars.
COPY hack/cds-archive.sh hack/cds-archive.sh
RUN hack/cds-archive.sh && rm -f target/cds-training.log
USER 10001:10001
EXPOSE 9876
ENTRYPOINT ["java", "@config/jvm.options", "-jar", "target/resource-sync-controller.jar"]
