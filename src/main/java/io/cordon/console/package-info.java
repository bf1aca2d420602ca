/**
 * Cordon's own pages for the people who keep the register: secrets, partners, who holds what, what is due and a
 * dashboard. Server-rendered, signed in with the Tasklist session, calling the same services (and so the same rules,
 * crown-jewel redaction included) as the REST API.
 */
package io.cordon.console;
