package io.keyfob.seedimport.pskc;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Finds child elements by namespace URI and local name.
 */
final class Dom {

	private Dom() {
	}

	static List<Element> children(Element parent, String namespace, String localName) {
		List<Element> found = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element && localName.equals(node.getLocalName())
					&& namespace.equals(node.getNamespaceURI())) {
				found.add((Element) node);
			}
		}
		return found;
	}

	static @Nullable Element child(@Nullable Element parent, String namespace, String localName) {
		if (parent == null) {
			return null;
		}
		List<Element> found = children(parent, namespace, localName);
		return found.isEmpty() ? null : found.get(0);
	}

	/**
	 * Finds a child by local name in any namespace, for elements that files write in
	 * different namespaces or none (the PBKDF2 parameters).
	 */
	static @Nullable Element childNamed(@Nullable Element parent, String localName) {
		if (parent == null) {
			return null;
		}
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element && localName.equals(node.getLocalName())) {
				return (Element) node;
			}
		}
		return null;
	}

	/**
	 * Returns the trimmed text of a child.
	 * @return the text, or {@code null} if the child is missing or blank
	 */
	static @Nullable String childText(@Nullable Element parent, String namespace, String localName) {
		Element child = child(parent, namespace, localName);
		return (child != null) ? text(child) : null;
	}

	static @Nullable String text(Element element) {
		String text = element.getTextContent().strip();
		return text.isEmpty() ? null : text;
	}

	static @Nullable String attribute(Element element, String name) {
		String value = element.getAttribute(name).strip();
		return value.isEmpty() ? null : value;
	}

}
