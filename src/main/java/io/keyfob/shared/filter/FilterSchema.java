package io.keyfob.shared.filter;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What one resource lets a client filter on: its properties, each with a type and the
 * operators it takes, whether {@code startswith} works on it, and the collections that
 * {@code any()} may look into.
 */
public final class FilterSchema {

	private final Map<String, Field> fields;

	private final Map<String, Collection> collections;

	private FilterSchema(Map<String, Field> fields, Map<String, Collection> collections) {
		this.fields = fields;
		this.collections = collections;
	}

	/**
	 * A schema of properties.
	 * @param fields the properties, in the order messages list them
	 * @return the schema
	 */
	public static FilterSchema of(Field... fields) {
		Map<String, Field> byName = new LinkedHashMap<>();
		for (Field field : fields) {
			byName.put(key(field.name()), field);
		}
		return new FilterSchema(byName, Map.of());
	}

	/**
	 * This schema with a collection that {@code name/any(x: ...)} may filter.
	 * @param name the collection property
	 * @param member the schema of one member
	 * @return a new schema
	 */
	public FilterSchema withCollection(String name, FilterSchema member) {
		Map<String, Collection> more = new LinkedHashMap<>(this.collections);
		more.put(key(name), new Collection(name, member));
		return new FilterSchema(this.fields, more);
	}

	Optional<Field> field(String name) {
		return Optional.ofNullable(this.fields.get(key(name)));
	}

	Optional<Collection> collection(String name) {
		return Optional.ofNullable(this.collections.get(key(name)));
	}

	String names() {
		String names = this.fields.values().stream().map(Field::name).collect(Collectors.joining(", "));
		for (Collection collection : this.collections.values()) {
			names += ", " + collection.name() + "/any(x: ...)";
		}
		return names;
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	/**
	 * The kind of value a property holds, which decides the literal it is compared with.
	 */
	public enum Type {

		/** A string in single quotes. */
		STRING,
		/** A GUID in single quotes. */
		GUID,
		/** A whole number. */
		INTEGER,
		/** {@code true} or {@code false}. */
		BOOLEAN,
		/** An ISO-8601 date-time with an offset, such as 2026-11-26T00:00:00Z. */
		DATE_TIME,
		/** One of a fixed set of names in single quotes. */
		ENUM

	}

	/**
	 * One filterable property.
	 *
	 * @param name the property as Graph writes it, for example {@code assignedTo/id}
	 * @param type its type
	 * @param operators the comparison operators it takes
	 * @param startsWith whether {@code startswith(name,'...')} works on it
	 * @param members for {@link Type#ENUM}: reads a name into its constant
	 * @param hint for {@link Type#ENUM}: the names, for messages
	 */
	public record Field(String name, Type type, Set<Operator> operators, boolean startsWith,
			@Nullable Function<String, Optional<?>> members, String hint) {

		private static final Set<Operator> EQUALITY = EnumSet.of(Operator.EQ, Operator.NE);

		public Field {
			operators = Set.copyOf(operators);
		}

		/**
		 * A string property compared with {@code eq} and {@code ne}.
		 * @param name the property
		 * @return the field
		 */
		public static Field string(String name) {
			return new Field(name, Type.STRING, EQUALITY, false, null, "");
		}

		/**
		 * A GUID property compared with {@code eq} and {@code ne}.
		 * @param name the property
		 * @return the field
		 */
		public static Field guid(String name) {
			return new Field(name, Type.GUID, EQUALITY, false, null, "");
		}

		/**
		 * A boolean property compared with {@code eq} and {@code ne}.
		 * @param name the property
		 * @return the field
		 */
		public static Field bool(String name) {
			return new Field(name, Type.BOOLEAN, EQUALITY, false, null, "");
		}

		/**
		 * A whole-number property compared with every operator.
		 * @param name the property
		 * @return the field
		 */
		public static Field integer(String name) {
			return new Field(name, Type.INTEGER, EnumSet.allOf(Operator.class), false, null, "");
		}

		/**
		 * A date-time property compared with every operator.
		 * @param name the property
		 * @return the field
		 */
		public static Field dateTime(String name) {
			return new Field(name, Type.DATE_TIME, EnumSet.allOf(Operator.class), false, null, "");
		}

		/**
		 * A property with a fixed set of values, compared with {@code eq} and {@code ne}.
		 * @param <E> the enum
		 * @param name the property
		 * @param members reads a name (ignoring case) into its constant
		 * @param names every name, for messages
		 * @return the field
		 */
		public static <E extends Enum<E>> Field enumeration(String name, Function<String, Optional<E>> members,
				String... names) {
			return new Field(name, Type.ENUM, EQUALITY, false, members::apply, String.join(", ", names));
		}

		/**
		 * This field with other operators.
		 * @param allowed the operators
		 * @return a new field
		 */
		public Field operators(Operator... allowed) {
			return new Field(this.name, this.type, EnumSet.copyOf(Arrays.asList(allowed)), this.startsWith,
					this.members, this.hint);
		}

		/**
		 * This field, also taking {@code startswith}.
		 * @return a new field
		 */
		public Field withStartsWith() {
			return new Field(this.name, this.type, this.operators, true, this.members, this.hint);
		}

		String operatorNames() {
			return Arrays.stream(Operator.values())
				.filter(this.operators::contains)
				.map(Operator::odataName)
				.collect(Collectors.joining(", "));
		}

	}

	record Collection(String name, FilterSchema member) {
	}

}
