package dev.participation.api.demo;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Realistic sample content (a pledge, groups, events, a form) and the widget placements that show
 * it. With the demo switch on, the service layer installs each contribution once per database;
 * with it off, none is installed.
 */
@ConsumerType
public interface DemoContent {

    /** Identifies the contribution, so it is installed only once per database. */
    String key();

    /** Creates the content through the ordinary services, as the given actor. */
    void install(String actor);
}
