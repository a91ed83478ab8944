package io.keyfob.graphapi;

import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts {@link GraphErrorReportValve} in place of Tomcat's error report. Spring Boot adds
 * Tomcat's own valve to the host's pipeline from a context customizer of its
 * {@code TomcatWebServerFactoryCustomizer} (order 0, when
 * {@code server.error.include-stacktrace} is {@code never}, the default); this one runs
 * later, takes that valve out, and names ours as the host's error report class, so that
 * the host adds no valve of Tomcat's own when it starts.
 */
@Component
final class GraphErrorReportConfiguration
		implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

	private final ObjectProvider<GraphErrors> errors;

	GraphErrorReportConfiguration(ObjectProvider<GraphErrors> errors) {
		this.errors = errors;
	}

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addContextCustomizers((context) -> install(context.getParent()));
	}

	private void install(Container host) {
		Pipeline pipeline = host.getPipeline();
		for (Valve valve : pipeline.getValves()) {
			if (valve instanceof ErrorReportValve) {
				pipeline.removeValve(valve);
			}
		}
		pipeline.addValve(new GraphErrorReportValve(this.errors));
		if (host instanceof StandardHost standard) {
			standard.setErrorReportValveClass(GraphErrorReportValve.class.getName());
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
