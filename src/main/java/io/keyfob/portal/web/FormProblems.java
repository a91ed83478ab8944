package io.keyfob.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The problems of one submitted form, for the error summary at the top and the message
 * next to each field. Templates ask {@code problems.has('code')} and
 * {@code problems.message('code')}.
 */
public final class FormProblems {

	private final List<Problem> problems = new ArrayList<>();

	/**
	 * Add a problem with a field.
	 * @param field the field
	 * @param message what is wrong and what to do
	 * @return this
	 */
	public FormProblems add(String field, String message) {
		return add(new Problem(field, message));
	}

	/**
	 * Add a problem.
	 * @param problem the problem
	 * @return this
	 */
	public FormProblems add(Problem problem) {
		this.problems.add(problem);
		return this;
	}

	public boolean isEmpty() {
		return this.problems.isEmpty();
	}

	public List<Problem> all() {
		return List.copyOf(this.problems);
	}

	/**
	 * Whether a field has a problem.
	 * @param field the field
	 * @return whether to mark it invalid
	 */
	public boolean has(String field) {
		return this.problems.stream().anyMatch((p) -> field.equals(p.field()));
	}

	/**
	 * The first problem with a field.
	 * @param field the field
	 * @return the message, or {@code null}
	 */
	public @Nullable String message(String field) {
		return this.problems.stream()
			.filter((p) -> field.equals(p.field()))
			.map(Problem::message)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Where the error summary links to for a problem: its field, or the main content.
	 * @param problem a problem
	 * @return a fragment link such as {@code #code}
	 */
	public String anchor(Problem problem) {
		return "#" + Objects.requireNonNullElse(problem.field(), "main");
	}

}
