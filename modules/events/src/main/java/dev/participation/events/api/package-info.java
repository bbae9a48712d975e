/**
 * Events people sign up for: consultations, forums, activity days, residential weeks and online
 * sessions, each with one or more sessions that have a number of places. {@link Events} is for
 * editors; {@link SignUps} gives each sign-up a place or a numbered waiting-list position, never
 * more places than a session has, and promotes from the waiting list when places come free.
 * Public callers get {@link PublicEvent}s, which never carry an online link or who edited them.
 */
@Export
@Version("1.3.0")
package dev.participation.events.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
