/**
 * Requests to join a participation group: what a person gives when they ask (the least that lets
 * the group's team answer them), the rules for it, and the staff side that answers each request
 * by a response target. Every staff read of a request and every change is written to the audit
 * log; leaving a group empties the person's details and keeps only what anonymous counts need.
 */
@Export
@Version("1.0.0")
package dev.participation.groups.api.join;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
