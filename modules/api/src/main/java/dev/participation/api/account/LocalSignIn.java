package dev.participation.api.account;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered as a service by a host that signs staff in with the portal's own {@link Accounts}
 * (the embedded portal). Only while one is registered does the service layer make sure an
 * administrator account exists, printing its one-time password at the first start. A portal that
 * brings its own people and roles, such as Liferay, registers none, so no local account is ever
 * created there and no password is printed to its log.
 *
 * @since 2.1
 */
@ConsumerType
public interface LocalSignIn {
}
