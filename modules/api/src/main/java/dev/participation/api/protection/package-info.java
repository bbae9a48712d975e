/**
 * Bot protection for public forms, without a visual CAPTCHA: a honeypot field, a minimum fill time
 * and rate limits per address and overall, shared by every portal node.
 */
@Export
@Version("1.1.0")
package dev.participation.api.protection;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
