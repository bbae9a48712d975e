package dev.participation.api.storage;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Header;
import org.osgi.annotation.bundle.Requirement;

/**
 * Put on one package of a bundle that owns a schema: the build writes the
 * {@value Storage#SCHEMA_HEADER} header and a requirement on the schema extender, so the bundle
 * does not resolve where nothing would migrate its tables.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Header(name = Storage.SCHEMA_HEADER, value = "${#value}")
@Requirement(namespace = "osgi.extender", name = Storage.EXTENDER, version = Storage.EXTENDER_VERSION)
public @interface ParticipationSchema {

    /** The schema's name: lower-case letters, digits and hyphens; its scripts are in {@code db/<name>/}. */
    String value();
}
