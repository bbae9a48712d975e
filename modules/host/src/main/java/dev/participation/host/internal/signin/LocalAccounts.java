package dev.participation.host.internal.signin;

import dev.participation.api.account.LocalSignIn;

import org.osgi.service.component.annotations.Component;

/**
 * Tells the service layer that this portal signs staff in with its own accounts, so a fresh
 * installation gets its first administrator. Only the embedded portal does; a Liferay portal,
 * which brings its own people and roles, has no such service and so no local accounts.
 */
@Component(service = LocalSignIn.class)
public final class LocalAccounts implements LocalSignIn {
}
