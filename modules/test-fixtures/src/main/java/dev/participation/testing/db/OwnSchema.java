package dev.participation.testing.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schema the tested bundle owns (its {@code Participation-Schema}); its scripts are read from
 * {@code db/<name>/} on the test class path and applied after the platform's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface OwnSchema {

    String value();
}
