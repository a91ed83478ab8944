package io.keyfob;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.VerificationOptions;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries of docs/design.md, checked on every build.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(KeyfobApplication.class);

	/**
	 * The engine is plain Java: a function of its arguments, testable with the RFC
	 * vectors alone.
	 */
	static final ArchRule OTP_ENGINE_IS_PLAIN_JAVA = noClasses().that()
		.resideInAPackage("io.keyfob.otp..")
		.and(not(JavaClass.Predicates.simpleName("package-info")))
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..", "java.io..", "java.nio.file..")
		.because("the OTP engine does no I/O and knows no framework");

	/** SQL stays in one place per module, next to the mapping that reads it. */
	static final ArchRule SQL_ONLY_IN_JDBC_PACKAGES = noClasses().that()
		.resideInAPackage("io.keyfob..")
		.and()
		.resideOutsideOfPackage("..jdbc..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.jdbc.core..", "java.sql..")
		.because("SQL lives only in each module's jdbc package");

	@Test
	void modulesRespectTheirDeclaredBoundaries() {
		modules.verify(VerificationOptions.defaults()
			.andAdditionalVerifications(OTP_ENGINE_IS_PLAIN_JAVA, SQL_ONLY_IN_JDBC_PACKAGES));
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
