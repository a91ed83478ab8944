# Keyfob's container image: the jar is built with the Maven wrapper on a JDK 17 image and runs on a
# JRE 17 image as an unprivileged user. See docs/operations.md, "Containers".
#
#   docker build -t keyfob .
#   docker run -p 8080:8080 -v keyfob-data:/var/lib/keyfob -e KEYFOB_SECRETS_MASTER_KEY=... keyfob

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# the wrapper and the POM first, so the dependency layer is cached while only sources change
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q -DskipTests package && cp target/keyfob.jar /keyfob.jar

FROM eclipse-temurin:17-jre
# curl for the health check only
RUN apt-get update \
	&& apt-get install -y --no-install-recommends curl \
	&& rm -rf /var/lib/apt/lists/* \
	&& groupadd --system keyfob \
	&& useradd --system --gid keyfob --home-dir /var/lib/keyfob --shell /usr/sbin/nologin keyfob \
	&& mkdir -p /app /var/lib/keyfob \
	&& chown keyfob:keyfob /var/lib/keyfob
COPY --from=build /keyfob.jar /app/keyfob.jar
# the embedded database and, when no master key is set, master.key live here
ENV KEYFOB_DATA_DIR=/var/lib/keyfob
# Keyfob listens on loopback only by default; inside a container that cannot be reached from
# outside, so listen on all of the container's interfaces and let the port mapping decide.
ENV SERVER_ADDRESS=0.0.0.0
VOLUME /var/lib/keyfob
WORKDIR /var/lib/keyfob
USER keyfob
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
	CMD curl -fsS http://127.0.0.1:8080/actuator/health/liveness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/keyfob.jar"]
