package dev.participation.rest.internal.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.log.Logger;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.participation.api.json.JsonResource;

/**
 * Builds the one OpenAPI 3.0.3 document: the base shipped in this bundle (info, the problem-details
 * schema, the built-in paths) plus the {@code paths} and {@code components.schemas} of every
 * resource's fragment.
 *
 * <p>Fragments are written by other bundles, so nothing in one may break the document: a path
 * outside the resource's own {@code /api/<name>} prefix, a schema name that is already taken, a
 * reference that does not resolve, or an unreadable fragment is logged and only that part is left
 * out.
 */
final class OpenApiDocument {

    private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";

    private final ObjectMapper mapper;
    private final Logger logger;
    private final ObjectNode base;

    OpenApiDocument(ObjectMapper mapper, Logger logger) {
        this.mapper = mapper;
        this.logger = logger;
        // The base ships inside this bundle; failing to read it is a build error, not a runtime case.
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("openapi-base.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi-base.json is missing from the bundle");
            }
            this.base = (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one fragment contributed, kept so that parts with unresolved references can be taken out. */
    private record Contribution(String name, Map<String, JsonNode> paths, Map<String, JsonNode> schemas,
            Set<String> refusedSchemas) {
    }

    /**
     * Assembles the document for these resources (name to resource).
     *
     * @return a new document the caller may change
     */
    ObjectNode assemble(Map<String, JsonResource> resources) {
        ObjectNode document = base.deepCopy();
        ObjectNode paths = document.withObject("/paths");
        ObjectNode schemas = document.withObject("/components/schemas");
        List<Contribution> contributions = new ArrayList<>();
        resources.forEach((name, resource) -> {
            JsonNode fragment = read(name, resource);
            if (fragment != null) {
                contributions.add(merge(name, fragment, paths, schemas));
            }
        });
        removeUnresolved(document, paths, schemas, contributions);
        return document;
    }

    private JsonNode read(String name, JsonResource resource) {
        URL url;
        try {
            url = resource.openApi();
        } catch (RuntimeException e) {
            logger.warn("The OpenAPI fragment of /api/{} cannot be had; it is left out", name, e);
            return null;
        }
        if (url == null) {
            logger.warn("/api/{} has no OpenAPI fragment; it is served but not described", name);
            return null;
        }
        try {
            JsonNode fragment = mapper.readTree(url);
            if (fragment == null || !fragment.isObject()) {
                logger.warn("The OpenAPI fragment of /api/{} at {} is not a JSON object; it is left out", name, url);
                return null;
            }
            return fragment;
        } catch (IOException e) {
            logger.warn("The OpenAPI fragment of /api/{} at {} cannot be read; it is left out", name, url, e);
            return null;
        }
    }

    private Contribution merge(String name, JsonNode fragment, ObjectNode paths, ObjectNode schemas) {
        Map<String, JsonNode> addedPaths = new LinkedHashMap<>();
        Map<String, JsonNode> addedSchemas = new LinkedHashMap<>();
        Set<String> refused = new HashSet<>();
        String own = "/api/" + name;

        for (Map.Entry<String, JsonNode> path : fields(fragment.get("paths"), name, "paths")) {
            String key = path.getKey();
            if (!key.equals(own) && !key.startsWith(own + "/")) {
                logger.warn("The OpenAPI fragment of /api/{} describes {}, outside {}; that path is left out", name,
                        key, own);
            } else if (!path.getValue().isObject()) {
                logger.warn("The OpenAPI fragment of /api/{} describes {} with something other than a path item; "
                        + "that path is left out", name, key);
            } else if (paths.has(key)) {
                logger.warn("The OpenAPI fragment of /api/{} describes {}, which is already described; "
                        + "that path is left out", name, key);
            } else {
                paths.set(key, path.getValue());
                addedPaths.put(key, path.getValue());
            }
        }

        for (Map.Entry<String, JsonNode> schema : fields(fragment.at("/components/schemas"), name,
                "components.schemas")) {
            String key = schema.getKey();
            if (schemas.has(key)) {
                logger.warn("The OpenAPI fragment of /api/{} defines schema {}, a name already taken; its schema and "
                        + "every part of it referring to that name are left out", name, key);
                refused.add(key);
            } else if (!schema.getValue().isObject()) {
                logger.warn("The OpenAPI fragment of /api/{} defines schema {} as something other than an object; "
                        + "it is left out", name, key);
                refused.add(key);
            } else {
                schemas.set(key, schema.getValue());
                addedSchemas.put(key, schema.getValue());
            }
        }
        return new Contribution(name, addedPaths, addedSchemas, refused);
    }

    private List<Map.Entry<String, JsonNode>> fields(JsonNode node, String name, String where) {
        if (node == null || node.isMissingNode()) {
            return List.of();
        }
        if (!node.isObject()) {
            logger.warn("The OpenAPI fragment of /api/{} has {} that is not an object; it is left out", name, where);
            return List.of();
        }
        List<Map.Entry<String, JsonNode>> result = new ArrayList<>();
        node.fields().forEachRemaining(result::add);
        return result;
    }

    /**
     * Takes out every contributed path and schema holding a {@code $ref} that does not resolve in the
     * document (or that points at a schema this fragment was refused), repeating until nothing more
     * goes, since taking out a schema can leave another part dangling.
     */
    private void removeUnresolved(ObjectNode document, ObjectNode paths, ObjectNode schemas,
            List<Contribution> contributions) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Contribution c : contributions) {
                changed |= removeUnresolved(document, schemas, c.schemas(), c, "schema");
                changed |= removeUnresolved(document, paths, c.paths(), c, "path");
            }
        }
    }

    private boolean removeUnresolved(ObjectNode document, ObjectNode target, Map<String, JsonNode> parts,
            Contribution c, String what) {
        boolean changed = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = parts.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> part = it.next();
            String bad = firstUnresolved(document, part.getValue(), c.refusedSchemas());
            if (bad != null) {
                logger.warn("The OpenAPI fragment of /api/{} refers to {} from {} {}, which does not resolve; "
                        + "that {} is left out", c.name(), bad, what, part.getKey(), what);
                target.remove(part.getKey());
                it.remove();
                if (what.equals("schema")) {
                    c.refusedSchemas().add(part.getKey());
                }
                changed = true;
            }
        }
        return changed;
    }

    private static String firstUnresolved(ObjectNode document, JsonNode node, Set<String> refused) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && !resolves(document, ref.asText(), refused)) {
                return ref.asText();
            }
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                String bad = firstUnresolved(document, child, refused);
                if (bad != null) {
                    return bad;
                }
            }
        }
        return null;
    }

    /** Only references inside the document count: nothing else is served beside it. */
    private static boolean resolves(ObjectNode document, String ref, Set<String> refused) {
        if (!ref.startsWith("#/")) {
            return false;
        }
        if (ref.startsWith(SCHEMA_REF_PREFIX)
                && refused.contains(ref.substring(SCHEMA_REF_PREFIX.length()).replace("~1", "/").replace("~0", "~"))) {
            return false;
        }
        try {
            return !document.at(JsonPointer.compile(ref.substring(1))).isMissingNode();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
