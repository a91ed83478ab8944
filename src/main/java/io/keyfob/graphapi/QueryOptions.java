package io.keyfob.graphapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OData query options a Graph route reads, named without {@code $} (for example
 * {@code "filter"}). A route without this annotation reads none. {@link ODataOptions}
 * refuses any other query parameter with a 400 that names it, so no option is ever
 * silently ignored.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface QueryOptions {

	/**
	 * The options, without {@code $}: {@code filter}, {@code select}, {@code top},
	 * {@code count}, {@code orderby}, {@code skiptoken}, {@code expand}.
	 * @return the options the route reads
	 */
	String[] value();

}
