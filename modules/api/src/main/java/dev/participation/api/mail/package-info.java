/**
 * Mail to people, sent through an outbox: a message is queued in the transaction of the record
 * that causes it and sent later, so a mail server that is down never loses or blocks that record.
 */
@Export
@Version("1.1.0")
package dev.participation.api.mail;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
